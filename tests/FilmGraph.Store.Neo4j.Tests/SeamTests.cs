using FilmGraph.Core;

namespace FilmGraph.Store.Neo4j.Tests;

/// <summary>
/// The store needs no Bolt type: behind <see cref="ICypherDatabase"/> any client will do, here one that answers
/// from a table of statements, as an adapter over Neo4j.Driver would answer from a server.
/// </summary>
public sealed class SeamTests
{
    private sealed class TableDatabase(Func<string, IReadOnlyDictionary<string, object?>, CypherOutcome> answer) : ICypherDatabase, ICypherTransaction
    {
        public List<string> Statements { get; } = [];

        public int Attempts { get; private set; }

        public Task VerifyConnectivityAsync(CancellationToken ct) => Task.CompletedTask;

        public Task RunAutoCommitAsync(string statement, IReadOnlyDictionary<string, object?> parameters, CancellationToken ct) =>
            RunAsync(statement, parameters, ct);

        public Task<T> ReadAsync<T>(Func<ICypherTransaction, Task<T>> work, CancellationToken ct) => work(this);

        public async Task<T> WriteAsync<T>(Func<ICypherTransaction, Task<T>> work, CancellationToken ct)
        {
            while (true)
            {
                Attempts++;
                try
                {
                    return await work(this);
                }
                catch (CypherConflictException) when (Attempts < 3)
                {
                }
            }
        }

        public Task<CypherOutcome> RunAsync(string statement, IReadOnlyDictionary<string, object?> parameters, CancellationToken ct)
        {
            Statements.Add(statement);
            return Task.FromResult(answer(statement, parameters));
        }

        public CypherFault Classify(Exception error) => error is TimeoutException ? CypherFault.Unavailable : CypherFault.None;

        public string? StatusCode(Exception error) => null;

        public ValueTask DisposeAsync() => default;
    }

    private static CypherOutcome Rows(params Dictionary<string, object?>[] rows) => new([.. rows.Select(r => new CypherRow(r))], 0, 0);

    private static readonly Neo4jStoreOptions Options = new() { Uri = "neo4j://elsewhere:7687" };

    [Fact]
    public async Task The_store_runs_through_any_client_behind_the_interface()
    {
        var ada = new CypherNode("4:x:1", ["Person"], new Dictionary<string, object?> { ["id"] = "ada", ["name"] = "Ada Lovelace", ["born"] = 1815L });
        var database = new TableDatabase((statement, parameters) =>
            statement == Cypher.GetPerson && (string)parameters["id"]! == "ada" ? Rows(new Dictionary<string, object?> { ["p"] = ada }) : Rows());
        await using var store = await Neo4jGraphStore.OpenAsync(database, Options);

        Assert.Equal(new Person("ada", "Ada Lovelace", 1815), await store.GetPersonAsync("ada"));
        Assert.Equal([.. Cypher.Schema, Cypher.AwaitIndexes, Cypher.GetPerson], database.Statements);
        var fault = ((Neo4jGraphStore)store).Fault(new TimeoutException("no answer"));
        Assert.Contains("elsewhere", fault!.Message, StringComparison.Ordinal);
        Assert.Null(((Neo4jGraphStore)store).Fault(new InvalidOperationException("a bug")));
    }

    [Fact]
    public async Task A_write_that_met_another_writer_is_run_again_by_the_client()
    {
        var calls = 0;
        var database = new TableDatabase((statement, parameters) =>
        {
            if (!parameters.ContainsKey("rows")) return Rows(); // the schema, and the look at which ids exist
            var rows = ((IEnumerable<object>)parameters["rows"]!).Count();
            // The first attempt's server created one node fewer than the rows claim: someone else created it.
            var created = ++calls == 1 ? rows - 1 : rows;
            return new CypherOutcome([new CypherRow(new Dictionary<string, object?> { ["outcome"] = "created", ["rows"] = (long)rows })], created, 0);
        });
        await using var store = await Neo4jGraphStore.OpenAsync(database, Options);

        var summary = await store.WriteAsync(GraphBatch.Of(people: [new Person("ada", "Ada Lovelace")], films: [], relationships: []));

        Assert.Equal(2, database.Attempts);
        Assert.Equal(1, summary.People.Created);
    }
}
