using FilmGraph.Bolt.Peer;
using static FilmGraph.Bolt.Tests.Scripts.Scripts;

namespace FilmGraph.Bolt.Tests.Scripts;

/// <summary>
/// The official JavaScript driver against the same scripts as <see cref="ScriptedConversationTests"/>,
/// so that a script describes what a real driver sends rather than what this library happens to send.
/// </summary>
public class JsDriverConversationTests
{
    private static async Task RunAsync(string scenario, params string[] scripts)
    {
        JsDriver.SkipIfUnavailable();
        await using var peer = ScriptedPeer.Start(scripts);
        await JsDriver.RunAsync(scenario, peer.Uri());
        await peer.AssertCompletedAsync();
    }

    [SkippableFact]
    public Task Negotiates_5x_and_runs_a_query() => RunAsync("run", Run);

    [SkippableFact]
    public Task Speaks_5_5_when_the_server_picks_it() => RunAsync("run", Run55);

    [SkippableFact]
    public Task Negotiates_4_4_with_credentials_in_hello() => RunAsync("run", Run44);

    [SkippableFact]
    public async Task Negotiates_6_0_through_the_manifest()
    {
        JsDriver.SkipIfUnavailable();
        await using var peer = ScriptedPeer.Start(RunManifest);
        await JsDriver.RunAsync("run", peer.Uri());
        await peer.AssertCompletedAsync();
        Assert.Contains("<MANIFEST CHOSE 6.0>", peer.Received);
    }

    [SkippableFact]
    public Task No_common_version_is_an_error() => RunAsync("no-version", NoVersion);

    [SkippableTheory]
    [MemberData(nameof(FailedHandshakes), MemberType = typeof(Scripts))]
    public async Task Nothing_is_sent_after_a_failed_handshake(string script)
    {
        JsDriver.SkipIfUnavailable();
        await using var peer = ScriptedPeer.Start(script);
        await JsDriver.RunAsync("no-version", peer.Uri());
        await peer.AssertCompletedAsync();
        Assert.Contains("<HUNG UP>", peer.Received);
        Assert.DoesNotContain(peer.Received, m => m.StartsWith(SentAfterFailedHandshake, StringComparison.Ordinal));
    }

    [SkippableFact]
    public Task An_http_answer_is_an_error() => RunAsync("no-version", Http);

    [SkippableFact]
    public Task Authentication_failure() => RunAsync("auth-failure", AuthFailure);

    [SkippableFact]
    public Task Streams_across_several_pull_batches() => RunAsync("batches", Batches);

    [SkippableFact]
    public Task Consuming_early_discards_the_rest() => RunAsync("discard", Discard);

    [SkippableFact]
    public Task Failure_resets_the_connection_and_the_next_query_works() => RunAsync("failure-reset", FailureThenReset);

    [SkippableFact]
    public Task Transactions_carry_bookmarks_from_one_to_the_next() => RunAsync("bookmarks", Bookmarks);

    [SkippableFact]
    public Task Rollback_ends_the_transaction() => RunAsync("rollback", Rollback);

    [SkippableFact]
    public Task Rollback_discards_an_open_result_first() => RunAsync("rollback-open-result", RollbackWithOpenResult);

    [SkippableFact]
    public Task A_second_query_is_sent_at_once() => RunAsync("second-query-at-once", SecondQueryAtOnce);

    [SkippableFact]
    public Task Bolt_5_6_statuses_are_read_and_give_the_notifications() => RunAsync("statuses", Statuses56);

    [SkippableTheory]
    [InlineData("5.4")]
    [InlineData("5.6")]
    public Task Session_settings_go_into_hello_run_and_begin(string version) => RunAsync("session-settings", SessionSettings(version));

    [SkippableFact]
    public Task Sessions_sharing_a_bookmark_manager_wait_for_each_other() => RunAsync("shared-bookmarks", Bookmarks);

    [SkippableFact]
    public Task A_session_of_another_user_reauthenticates_the_open_connection() => RunAsync("reauthentication", Reauthentication);

    [SkippableFact]
    public Task Managed_transaction_is_retried_on_a_new_connection_after_a_cut() => RunAsync("retry", CutMidStream, RetrySucceeds);

    [SkippableFact]
    public Task The_store_call_shape() => RunAsync("store-shape", StoreShape);

    [SkippableFact]
    public async Task Reads_go_to_the_reader_and_writes_to_the_writer()
    {
        JsDriver.SkipIfUnavailable();
        await using var cluster = RoutingTests.ReadAndWrite();
        await JsDriver.RunAsync("routing", cluster.Uri);
        await cluster.AssertCompletedAsync();
    }

    [SkippableFact]
    public async Task The_home_database_named_by_the_router_is_pinned()
    {
        JsDriver.SkipIfUnavailable();
        await using var cluster = RoutingTests.HomeDatabase();
        await JsDriver.RunAsync("home-database", cluster.Uri);
        await cluster.AssertCompletedAsync();
    }

    [SkippableFact]
    public async Task An_impersonated_users_table_and_home_database_are_asked_for_as_that_user()
    {
        JsDriver.SkipIfUnavailable();
        await using var cluster = RoutingTests.Impersonated();
        await JsDriver.RunAsync("impersonated-routing", cluster.Uri);
        await cluster.AssertCompletedAsync();
    }

    [SkippableFact]
    public async Task Not_a_leader_refreshes_the_table_and_retries_on_the_new_writer()
    {
        JsDriver.SkipIfUnavailable();
        await using var cluster = RoutingTests.NotALeaderThenNewWriter();
        await JsDriver.RunAsync("not-a-leader", cluster.Uri);
        await cluster.AssertCompletedAsync();
    }
}
