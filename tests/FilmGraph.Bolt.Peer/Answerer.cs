using FilmGraph.Bolt.Protocol;

namespace FilmGraph.Bolt.Peer;

/// <summary>
/// A Bolt 5.4 server that answers each RUN with what the test's function says: enough protocol for a driver's
/// sessions and managed transactions (HELLO, LOGON, BEGIN, RUN, PULL, DISCARD, COMMIT, ROLLBACK, RESET, GOODBYE).
/// </summary>
internal sealed class Answerer(Func<string, IReadOnlyDictionary<string, object?>, PeerReply> answer) : IConversation
{
    public async Task FollowAsync(PeerConnection connection)
    {
        if (!await connection.HandshakeAsync(Script.Empty))
        {
            return;
        }
        PeerReply? pending = null;
        while (await connection.ReadAsync() is { } request && request.Message != "GOODBYE")
        {
            switch (request.Message)
            {
                case "HELLO":
                    connection.Queue(ResponseKind.Success, [Map(("server", "Neo4j/5.26.0"), ("connection_id", "bolt-peer"))]);
                    break;
                case "RUN":
                    pending = answer(request.Query!, request.Parameters!);
                    if (pending.FailureCode is { } code)
                    {
                        connection.Queue(ResponseKind.Failure, [Map(("code", code), ("message", $"scripted failure {code}"))]);
                    }
                    else
                    {
                        connection.Queue(ResponseKind.Success, [Map(("fields", pending.Keys.ToList<object?>()), ("t_first", 0L))]);
                    }
                    break;
                case "PULL" when pending is null || pending.FailureCode is not null:
                    connection.Queue(ResponseKind.Ignored, []);
                    break;
                case "PULL":
                    foreach (var record in pending.Records)
                    {
                        connection.Queue(ResponseKind.Record, [record]);
                    }
                    var summary = Map(("type", "rw"), ("t_last", 0L));
                    if (pending.Stats is { } stats)
                    {
                        summary["stats"] = stats;
                    }
                    connection.Queue(ResponseKind.Success, [summary]);
                    pending = null;
                    break;
                default:
                    connection.Queue(ResponseKind.Success, [request.Message == "COMMIT" ? Map(("bookmark", "FB:peer-1")) : Map()]);
                    break;
            }
            await connection.FlushAsync();
        }
    }

    private static Dictionary<string, object?> Map(params (string Key, object? Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value);
}
