using FilmGraph.Bolt.Protocol;

namespace FilmGraph.Bolt.Peer;

/// <summary>One connection's walk through its script; any deviation ends it with a <see cref="ScriptException"/>.</summary>
internal sealed class ScriptWalk(PeerConnection connection, Script script)
{
    private static readonly Dictionary<string, ResponseKind> Replies = new()
    {
        ["SUCCESS"] = ResponseKind.Success, ["RECORD"] = ResponseKind.Record, ["IGNORED"] = ResponseKind.Ignored, ["FAILURE"] = ResponseKind.Failure,
    };

    private PeerRequest? _pushedBack;

    public async Task FollowAsync()
    {
        if (await connection.HandshakeAsync(script))
        {
            await RunAsync(script.Steps);
            await FinishAsync();
        }
    }

    private async Task RunAsync(List<Step> steps)
    {
        foreach (var step in steps)
        {
            switch (step)
            {
                case ClientStep expected:
                    var actual = await NextAsync(expected) ?? throw new ScriptException($"The client hung up; expected {expected}");
                    if (!expected.Matches(actual))
                    {
                        throw new ScriptException($"Expected {expected}\n     got {actual}");
                    }
                    break;
                case ServerStep reply:
                    await SendAsync(reply);
                    break;
                case OptionalStep optional:
                    if (await StartsWithAsync(optional.Block))
                    {
                        await RunAsync(optional.Block);
                    }
                    break;
                case RepeatStep repeat:
                    while (await StartsWithAsync(repeat.Block))
                    {
                        await RunAsync(repeat.Block);
                    }
                    break;
            }
        }
    }

    /// <summary>After the script, only a hang-up, GOODBYE or (with AUTO RESET) RESET may follow.</summary>
    private async Task FinishAsync()
    {
        var next = await NextAsync(null);
        if (next is not null && next.Message != "GOODBYE")
        {
            throw new ScriptException($"The script has ended but the client sent {next}");
        }
    }

    private async Task<bool> StartsWithAsync(List<Step> block)
    {
        if (block.FirstOrDefault() is not ClientStep first)
        {
            return false;
        }
        var next = await NextAsync(first);
        if (next is null)
        {
            return false;
        }
        _pushedBack = next;
        return first.Matches(next);
    }

    private async Task<PeerRequest?> NextAsync(ClientStep? expected)
    {
        while (true)
        {
            var message = _pushedBack ?? await connection.ReadAsync();
            _pushedBack = null;
            if (message is null)
            {
                return null;
            }
            if (script.AutoReset && message.Message == "RESET" && expected?.Name != "RESET")
            {
                connection.Queue(ResponseKind.Success, [new Dictionary<string, object?>()]);
                await connection.FlushAsync();
                continue;
            }
            return message;
        }
    }

    private async Task SendAsync(ServerStep reply)
    {
        switch (reply.Name)
        {
            case "<EXIT>":
                throw new HangUp();
            case "<NOOP>":
                await connection.SendAsync(new byte[2]);
                break;
            case "<RAW>":
                await connection.SendRawAsync((string)reply.Fields[0]!);
                break;
            default:
                connection.Queue(Replies[reply.Name], reply.Fields, connection.LastRun?.Parameters);
                await connection.FlushAsync();
                break;
        }
    }
}
