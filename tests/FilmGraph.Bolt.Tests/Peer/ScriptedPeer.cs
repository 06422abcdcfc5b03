using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using FilmGraph.Bolt.PackStream;
using FilmGraph.Bolt.Protocol;

namespace FilmGraph.Bolt.Tests.Peer;

/// <summary>
/// An in-process Bolt server on 127.0.0.1 that follows scripts: either one script per accepted
/// connection, in order, or one script shared by every connection. Any deviation is recorded and the
/// connection dropped; <see cref="AssertCompletedAsync"/> reports it.
/// </summary>
internal sealed class ScriptedPeer : IAsyncDisposable
{
    private static readonly Dictionary<byte, string> RequestNames = new()
    {
        [0x01] = "HELLO", [0x02] = "GOODBYE", [0x0F] = "RESET", [0x10] = "RUN", [0x11] = "BEGIN", [0x12] = "COMMIT",
        [0x13] = "ROLLBACK", [0x2F] = "DISCARD", [0x3F] = "PULL", [0x54] = "TELEMETRY", [0x66] = "ROUTE", [0x6A] = "LOGON", [0x6B] = "LOGOFF",
    };

    private static readonly Dictionary<string, byte> ReplyTags = new()
    {
        ["SUCCESS"] = 0x70, ["RECORD"] = 0x71, ["IGNORED"] = 0x7E, ["FAILURE"] = 0x7F,
    };

    private readonly TcpListener _listener;
    private readonly Queue<Script> _scripts;
    private readonly Script? _shared;
    private readonly X509Certificate2? _certificate;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _connections = [];
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly Task _acceptLoop;
    private int _accepted;
    private int _maxOpen;
    private int _open;

    private ScriptedPeer(IEnumerable<Script> scripts, Script? shared, X509Certificate2? certificate)
    {
        _scripts = new Queue<Script>(scripts);
        _shared = shared;
        _certificate = certificate;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start(512);
        _acceptLoop = AcceptAsync();
    }

    /// <summary>Each accepted connection follows the next script.</summary>
    public static ScriptedPeer Start(params string[] scripts) => new(scripts.Select(Script.Parse), null, null);

    /// <summary>Queues more scripts; for peers whose scripts name each other's addresses.</summary>
    public void Add(params string[] scripts)
    {
        lock (_scripts)
        {
            foreach (var script in scripts)
            {
                _scripts.Enqueue(Script.Parse(script));
            }
        }
    }

    public static ScriptedPeer StartTls(X509Certificate2 certificate, params string[] scripts) => new(scripts.Select(Script.Parse), null, certificate);

    /// <summary>Every accepted connection follows the same script, concurrently.</summary>
    public static ScriptedPeer StartShared(string script) => new([], Script.Parse(script), null);

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string Address => $"127.0.0.1:{Port}";

    public int Accepted => Volatile.Read(ref _accepted);

    public int MaxOpenConnections => Volatile.Read(ref _maxOpen);

    public ConcurrentQueue<string> Received { get; } = new();

    public string Uri(string scheme = "bolt") => $"{scheme}://{Address}";

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            Interlocked.Increment(ref _accepted);
            Script? script;
            lock (_scripts)
            {
                script = _shared ?? (_scripts.Count > 0 ? _scripts.Dequeue() : null);
            }
            if (script is null)
            {
                _errors.Enqueue("A connection arrived after every script was used.");
                socket.Dispose();
                continue;
            }
            lock (_connections)
            {
                _connections.Add(Task.Run(() => ServeAsync(socket, script)));
            }
        }
    }

    private async Task ServeAsync(Socket socket, Script script)
    {
        var open = Interlocked.Increment(ref _open);
        InterlockedMax(ref _maxOpen, open);
        Stream stream = new NetworkStream(socket, ownsSocket: true);
        try
        {
            if (_certificate is not null)
            {
                var ssl = new SslStream(stream);
                await ssl.AuthenticateAsServerAsync(_certificate, clientCertificateRequired: false, checkCertificateRevocation: false);
                stream = ssl;
            }
            var conversation = new Conversation(this, stream, script);
            if (await conversation.HandshakeAsync())
            {
                await conversation.RunAsync(script.Steps);
                await conversation.FinishAsync();
            }
        }
        catch (HangUp)
        {
            Received.Enqueue("<EXIT>");
        }
        catch (ScriptException e)
        {
            _errors.Enqueue(e.Message);
        }
        catch (Exception e) when (e is IOException or SocketException or System.Security.Authentication.AuthenticationException)
        {
            // The client hung up or refused the certificate; the script decides whether that was expected.
            if (e is System.Security.Authentication.AuthenticationException)
            {
                Received.Enqueue("<TLS REFUSED>");
            }
        }
        catch (Exception e)
        {
            _errors.Enqueue($"Peer failed: {e}");
        }
        finally
        {
            await stream.DisposeAsync();
            Interlocked.Decrement(ref _open);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    /// <summary>Waits for every conversation to end and fails on any deviation or unused script.</summary>
    public async Task AssertCompletedAsync(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            Task[] running;
            lock (_connections)
            {
                running = [.. _connections];
            }
            var all = Task.WhenAll(running);
            if (await Task.WhenAny(all, Task.Delay(deadline - DateTime.UtcNow > TimeSpan.Zero ? deadline - DateTime.UtcNow : TimeSpan.Zero)) != all)
            {
                throw new Xunit.Sdk.XunitException($"The peer's conversations did not end in time. Received so far:\n{string.Join("\n", Received)}");
            }
            lock (_connections)
            {
                if (_connections.Count == running.Length)
                {
                    break;
                }
            }
        }
        if (!_errors.IsEmpty)
        {
            throw new Xunit.Sdk.XunitException($"The client left the script:\n{string.Join("\n", _errors)}\nReceived:\n{string.Join("\n", Received)}");
        }
        if (_scripts.Count > 0)
        {
            throw new Xunit.Sdk.XunitException($"{_scripts.Count} script(s) never got a connection. Received:\n{string.Join("\n", Received)}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        _stop.Dispose();
    }

    private sealed class ScriptException(string message) : Exception(message);

    /// <summary>The script's &lt;EXIT&gt;: drop the connection wherever the conversation is.</summary>
    private sealed class HangUp : Exception;

    private sealed record ClientMessage(string Name, List<object?> Fields)
    {
        public override string ToString() => $"{Name} {string.Join(" ", Fields.Select(Script.Render))}".Trim();
    }

    /// <summary>One connection's walk through its script.</summary>
    private sealed class Conversation(ScriptedPeer peer, Stream stream, Script script)
    {
        private readonly byte[] _header = new byte[2];
        private ClientMessage? _pushedBack;
        private ClientMessage? _lastRun;

        public async Task<bool> HandshakeAsync()
        {
            var hello = new byte[20];
            await stream.ReadExactlyAsync(hello);
            if (BinaryPrimitives.ReadUInt32BigEndian(hello) != Handshake.Magic)
            {
                throw new ScriptException($"Bad magic {Convert.ToHexString(hello, 0, 4)}");
            }
            var slots = Enumerable.Range(0, 4).Select(i => BinaryPrimitives.ReadUInt32BigEndian(hello.AsSpan(4 + i * 4))).ToArray();
            peer.Received.Enqueue($"<HANDSHAKE {string.Join(" ", slots.Select(s => s.ToString("X8", System.Globalization.CultureInfo.InvariantCulture)))}>");
            if (script.Directive("HANDSHAKE") is { } raw)
            {
                await stream.WriteAsync(Convert.FromHexString(raw.Replace(" ", "", StringComparison.Ordinal)));
                await stream.FlushAsync();
                // Give the client time to read the answer before the hang-up.
                await Task.Delay(200);
                return false;
            }
            if (script.Directive("MANIFEST") is { } manifest && slots.Contains(Handshake.ManifestV1))
            {
                var offered = manifest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(ParseVersion).ToList();
                var reply = new List<byte> { 0, 0, 1, 0xFF };
                Handshake.WriteVarInt(reply, (ulong)offered.Count);
                foreach (var version in offered)
                {
                    reply.AddRange([0, 0, (byte)version.Minor, (byte)version.Major]);
                }
                Handshake.WriteVarInt(reply, 0);
                await stream.WriteAsync(reply.ToArray());
                await stream.FlushAsync();
                var chosen = new byte[4];
                await stream.ReadExactlyAsync(chosen);
                var capabilities = new byte[1];
                await stream.ReadExactlyAsync(capabilities);
                var picked = new BoltVersion(chosen[3], chosen[2]);
                peer.Received.Enqueue($"<MANIFEST CHOSE {picked}>");
                if (!offered.Contains(picked))
                {
                    return false;
                }
                return true;
            }
            var accepted = (script.Directive("BOLT") ?? "5.4").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(ParseVersion);
            foreach (var version in accepted)
            {
                if (slots.Where(s => s != Handshake.ManifestV1).Any(s => Handshake.Expand(s).Contains(version)))
                {
                    await stream.WriteAsync(new byte[] { 0, 0, (byte)version.Minor, (byte)version.Major });
                    await stream.FlushAsync();
                    return true;
                }
            }
            await stream.WriteAsync(new byte[4]);
            await stream.FlushAsync();
            return false;
        }

        private static BoltVersion ParseVersion(string text)
        {
            var parts = text.Split('.');
            return new BoltVersion(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        }

        public async Task RunAsync(List<Step> steps)
        {
            foreach (var step in steps)
            {
                switch (step)
                {
                    case ClientStep expected:
                        var actual = await NextAsync(expected) ?? throw new ScriptException($"The client hung up; expected {expected}");
                        if (!expected.Matches(actual.Name, actual.Fields))
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
        public async Task FinishAsync()
        {
            var next = await NextAsync(null);
            if (next is not null && next.Name != "GOODBYE")
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
            return first.Matches(next.Name, next.Fields);
        }

        private async Task<ClientMessage?> NextAsync(ClientStep? expected)
        {
            while (true)
            {
                var message = _pushedBack ?? await ReadAsync();
                _pushedBack = null;
                if (message is null)
                {
                    return null;
                }
                if (script.AutoReset && message.Name == "RESET" && expected?.Name != "RESET")
                {
                    await WriteAsync(0x70, [new Dictionary<string, object?>()]);
                    continue;
                }
                return message;
            }
        }

        private async Task<ClientMessage?> ReadAsync()
        {
            var body = new MemoryStream();
            while (true)
            {
                try
                {
                    await stream.ReadExactlyAsync(_header);
                }
                catch (EndOfStreamException) when (body.Length == 0)
                {
                    return null;
                }
                var size = BinaryPrimitives.ReadUInt16BigEndian(_header);
                if (size == 0)
                {
                    if (body.Length == 0)
                    {
                        continue;
                    }
                    break;
                }
                var chunk = new byte[size];
                await stream.ReadExactlyAsync(chunk);
                body.Write(chunk);
            }
            var message = Decode(body.ToArray());
            if (message.Name == "RUN")
            {
                _lastRun = message;
            }
            peer.Received.Enqueue(message.ToString());
            return message;
        }

        private static ClientMessage Decode(byte[] bytes)
        {
            var reader = new PackStreamReader(bytes);
            var count = reader.ReadStructHeader(out var tag);
            var fields = new List<object?>();
            for (var i = 0; i < count; i++)
            {
                fields.Add(reader.ReadValue());
            }
            return new ClientMessage(RequestNames.GetValueOrDefault(tag, $"0x{tag:X2}"), fields);
        }

        private async Task SendAsync(ServerStep reply)
        {
            switch (reply.Name)
            {
                case "<EXIT>":
                    await stream.FlushAsync();
                    throw new HangUp();
                case "<NOOP>":
                    await stream.WriteAsync(new byte[2]);
                    await stream.FlushAsync();
                    break;
                case "<RAW>":
                    await stream.WriteAsync(Convert.FromHexString(((string)reply.Fields[0]!).Replace(" ", "", StringComparison.Ordinal)));
                    await stream.FlushAsync();
                    break;
                default:
                    await WriteAsync(ReplyTags[reply.Name], reply.Fields);
                    break;
            }
        }

        private async Task WriteAsync(byte tag, List<object?> fields)
        {
            var buffer = new WriteBuffer();
            buffer.BeginMessage();
            var writer = new PackStreamWriter(buffer);
            writer.WriteStructHeader(fields.Count, tag);
            foreach (var field in fields)
            {
                WriteValue(writer, field);
            }
            buffer.EndMessage();
            await stream.WriteAsync(buffer.Written);
            await stream.FlushAsync();
        }

        private void WriteValue(PackStreamWriter writer, object? value)
        {
            switch (value)
            {
                case string text when text.StartsWith("$param.", StringComparison.Ordinal):
                    // Echoes a parameter of the last RUN, so concurrent callers can each recognise their own answer.
                    var parameters = _lastRun?.Fields[1] as IReadOnlyDictionary<string, object?>;
                    writer.WriteValue(parameters?.GetValueOrDefault(text["$param.".Length..]));
                    break;
                case PeerStruct s:
                    s.Write(writer, f => WriteValue(writer, f));
                    break;
                case List<object?> list:
                    writer.WriteListHeader(list.Count);
                    list.ForEach(f => WriteValue(writer, f));
                    break;
                case Dictionary<string, object?> map:
                    writer.WriteMapHeader(map.Count);
                    foreach (var (key, item) in map)
                    {
                        writer.WriteString(key);
                        WriteValue(writer, item);
                    }
                    break;
                default:
                    writer.WriteValue(value);
                    break;
            }
        }
    }
}
