using System.Buffers.Binary;
using System.Collections;
using System.Net;
using System.Net.Sockets;
using FilmGraph.Bolt;
using FilmGraph.Bolt.PackStream;
using FilmGraph.Bolt.Protocol;

namespace FilmGraph.Store.Neo4j.Tests;

/// <summary>What the peer answers to one RUN: columns, records and the summary's update counters; or a failure.</summary>
internal sealed record PeerReply(string[] Keys, List<object?[]> Records, Dictionary<string, object?>? Stats = null, string? FailureCode = null)
{
    public static PeerReply Rows(string[] keys, params object?[][] records) => new(keys, [.. records]);

    public static PeerReply Failure(string code) => new([], [], FailureCode: code);
}

/// <summary>One request the peer received, in order: BEGIN, RUN (with query and parameters), COMMIT...</summary>
internal sealed record PeerRequest(string Message, string? Query = null, IReadOnlyDictionary<string, object?>? Parameters = null);

/// <summary>
/// A Bolt 5.4 server on the loopback interface that answers each RUN with what the test's function says, and
/// keeps every request for the test to check. Enough protocol for a driver's sessions and managed transactions:
/// HELLO, LOGON, BEGIN, RUN, PULL, DISCARD, COMMIT, ROLLBACK, RESET, GOODBYE.
/// </summary>
internal sealed class ScriptedBoltPeer : IAsyncDisposable
{
    private const byte Success = 0x70, Record = 0x71, Ignored = 0x7E, Failure = 0x7F;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<string, IReadOnlyDictionary<string, object?>, PeerReply> _answer;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<PeerRequest> _requests = [];
    private readonly List<Task> _connections = [];
    private readonly Task _accepting;

    public ScriptedBoltPeer(Func<string, IReadOnlyDictionary<string, object?>, PeerReply> answer)
    {
        _answer = answer;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string Uri => $"bolt://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public IReadOnlyList<PeerRequest> Requests
    {
        get { lock (_requests) return [.. _requests]; }
    }

    /// <summary>The RUN requests, in order.</summary>
    public IReadOnlyList<PeerRequest> Runs => Requests.Where(r => r.Message == "RUN").ToList();

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                lock (_connections) _connections.Add(ServeAsync(client));
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Note(PeerRequest request)
    {
        lock (_requests) _requests.Add(request);
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        try
        {
            var hello = await ReadExactlyAsync(stream, 20);
            if (BinaryPrimitives.ReadUInt32BigEndian(hello) != 0x6060B017) return;
            await stream.WriteAsync(new byte[] { 0, 0, 4, 5 }, _stop.Token); // Bolt 5.4
            PeerReply? pending = null;
            while (true)
            {
                var (tag, fields) = await ReadMessageAsync(stream);
                var output = new WriteBuffer();
                switch (tag)
                {
                    case MessageTags.Hello:
                        Send(output, Success, Map(("server", "Neo4j/5.26.0"), ("connection_id", "bolt-peer")));
                        break;
                    case MessageTags.Goodbye:
                        return;
                    case MessageTags.Run:
                        var query = (string)fields[0]!;
                        var parameters = (IReadOnlyDictionary<string, object?>)fields[1]!;
                        Note(new PeerRequest("RUN", query, parameters));
                        pending = _answer(query, parameters);
                        if (pending.FailureCode is { } code)
                            Send(output, Failure, Map(("code", code), ("message", $"scripted failure {code}")));
                        else
                            Send(output, Success, Map(("fields", pending.Keys.ToList<object?>()), ("t_first", 0L)));
                        break;
                    case MessageTags.Pull:
                        if (pending is null || pending.FailureCode is not null)
                        {
                            Send(output, Ignored);
                            break;
                        }
                        foreach (var record in pending.Records) Send(output, Record, record.ToList());
                        var metadata = Map(("type", "rw"), ("t_last", 0L));
                        if (pending.Stats is { } stats) metadata["stats"] = stats;
                        Send(output, Success, metadata);
                        pending = null;
                        break;
                    default:
                        var name = tag switch
                        {
                            MessageTags.Begin => "BEGIN",
                            MessageTags.Commit => "COMMIT",
                            MessageTags.Rollback => "ROLLBACK",
                            MessageTags.Reset => "RESET",
                            MessageTags.Logon => "LOGON",
                            MessageTags.Discard => "DISCARD",
                            _ => $"0x{tag:X2}",
                        };
                        Note(new PeerRequest(name));
                        Send(output, Success, tag == MessageTags.Commit ? Map(("bookmark", "FB:peer-1")) : Map());
                        break;
                }
                await stream.WriteAsync(output.Written, _stop.Token);
            }
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The client went away or the peer is stopping.
        }
    }

    private static Dictionary<string, object?> Map(params (string Key, object? Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value);

    private static void Send(WriteBuffer output, byte tag, params object?[] fields)
    {
        output.BeginMessage();
        var writer = new PackStreamWriter(output);
        writer.WriteStructHeader(fields.Length, tag);
        foreach (var field in fields) Write(writer, field);
        output.EndMessage();
    }

    /// <summary>Like the codec's own writer, plus the graph values only a server sends.</summary>
    private static void Write(PackStreamWriter writer, object? value)
    {
        switch (value)
        {
            case string text:
                writer.WriteString(text);
                break;
            case BoltNode node:
                writer.WriteStructHeader(4, 0x4E);
                writer.WriteInteger(node.Id);
                Write(writer, node.Labels.ToList<object?>());
                Write(writer, node.Properties);
                writer.WriteString(node.ElementId);
                break;
            case BoltRelationship r:
                writer.WriteStructHeader(8, 0x52);
                writer.WriteInteger(r.Id);
                writer.WriteInteger(r.StartNodeId);
                writer.WriteInteger(r.EndNodeId);
                writer.WriteString(r.Type);
                Write(writer, r.Properties);
                writer.WriteString(r.ElementId);
                writer.WriteString(r.StartNodeElementId);
                writer.WriteString(r.EndNodeElementId);
                break;
            case BoltPath path:
                WritePath(writer, path);
                break;
            case IReadOnlyDictionary<string, object?> map:
                writer.WriteMapHeader(map.Count);
                foreach (var (key, item) in map)
                {
                    writer.WriteString(key);
                    Write(writer, item);
                }
                break;
            case IEnumerable list and not byte[]:
                var items = list.Cast<object?>().ToList();
                writer.WriteListHeader(items.Count);
                foreach (var item in items) Write(writer, item);
                break;
            default:
                writer.WriteValue(value);
                break;
        }
    }

    /// <summary>Distinct nodes, distinct unbound relationships, and the walk as (±relationship, node) index pairs.</summary>
    private static void WritePath(PackStreamWriter writer, BoltPath path)
    {
        var nodes = path.Nodes.DistinctBy(n => n.Id).ToList();
        var rels = path.Relationships.DistinctBy(r => r.Id).ToList();
        writer.WriteStructHeader(3, 0x50);
        Write(writer, nodes);
        writer.WriteListHeader(rels.Count);
        foreach (var r in rels)
        {
            writer.WriteStructHeader(4, 0x72);
            writer.WriteInteger(r.Id);
            writer.WriteString(r.Type);
            Write(writer, r.Properties);
            writer.WriteString(r.ElementId);
        }
        var indices = new List<object?>();
        for (var i = 0; i < path.Relationships.Count; i++)
        {
            var r = path.Relationships[i];
            var index = rels.FindIndex(x => x.Id == r.Id) + 1;
            indices.Add(r.StartNodeId == path.Nodes[i].Id ? (long)index : -(long)index);
            indices.Add((long)nodes.FindIndex(n => n.Id == path.Nodes[i + 1].Id));
        }
        Write(writer, indices);
    }

    private async Task<(byte Tag, object?[] Fields)> ReadMessageAsync(NetworkStream stream)
    {
        var body = new List<byte>();
        while (true)
        {
            var size = BinaryPrimitives.ReadUInt16BigEndian(await ReadExactlyAsync(stream, 2));
            if (size == 0)
            {
                if (body.Count == 0) continue; // a keep-alive NOOP
                break;
            }
            body.AddRange(await ReadExactlyAsync(stream, size));
        }
        return Decode(body.ToArray());
    }

    private static (byte Tag, object?[] Fields) Decode(byte[] message)
    {
        var reader = new PackStreamReader(message);
        var count = reader.ReadStructHeader(out var tag);
        var fields = new object?[count];
        for (var i = 0; i < count; i++) fields[i] = reader.ReadValue();
        return (tag, fields);
    }

    private async Task<byte[]> ReadExactlyAsync(NetworkStream stream, int count)
    {
        var buffer = new byte[count];
        await stream.ReadExactlyAsync(buffer, _stop.Token);
        return buffer;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        Task[] connections;
        lock (_connections) connections = [.. _connections];
        await Task.WhenAll(connections);
        _stop.Dispose();
    }
}
