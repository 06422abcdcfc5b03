using System.Buffers.Binary;
using System.Globalization;
using FilmGraph.Bolt.PackStream;
using FilmGraph.Bolt.Protocol;

namespace FilmGraph.Bolt.Peer;

/// <summary>
/// The peer's end of one connection: the handshake, client messages read from their chunks (each noted in the
/// peer's transcript), and replies queued and then sent together.
/// </summary>
internal sealed class PeerConnection(ScriptedPeer peer, Stream stream, CancellationToken ct)
{
    private static readonly Dictionary<byte, string> RequestNames = new()
    {
        [MessageTags.Hello] = "HELLO", [MessageTags.Goodbye] = "GOODBYE", [MessageTags.Reset] = "RESET", [MessageTags.Run] = "RUN",
        [MessageTags.Begin] = "BEGIN", [MessageTags.Commit] = "COMMIT", [MessageTags.Rollback] = "ROLLBACK", [MessageTags.Discard] = "DISCARD",
        [MessageTags.Pull] = "PULL", [MessageTags.Route] = "ROUTE", [MessageTags.Logon] = "LOGON", [MessageTags.Logoff] = "LOGOFF",
        // Sent by other drivers (the JavaScript one among them), never by this client.
        [0x54] = "TELEMETRY",
    };

    private readonly byte[] _header = new byte[2];
    private readonly WriteBuffer _output = new();

    /// <summary>The last RUN this connection received, whose parameters a script's "$param.name" echoes.</summary>
    public PeerRequest? LastRun { get; private set; }

    /// <summary>
    /// Reads the client's preamble and answers it as the script's directives say (no directives: Bolt 5.4 through
    /// the slots). False when no version was agreed and the conversation is over.
    /// </summary>
    public async Task<bool> HandshakeAsync(Script script)
    {
        var hello = new byte[20];
        await stream.ReadExactlyAsync(hello, ct);
        if (BinaryPrimitives.ReadUInt32BigEndian(hello) != Handshake.Magic)
        {
            throw new ScriptException($"Bad magic {Convert.ToHexString(hello, 0, 4)}");
        }
        var slots = Enumerable.Range(0, 4).Select(i => BinaryPrimitives.ReadUInt32BigEndian(hello.AsSpan(4 + i * 4))).ToArray();
        peer.Note($"<HANDSHAKE {string.Join(" ", slots.Select(s => s.ToString("X8", CultureInfo.InvariantCulture)))}>");
        if (script.Directive("HANDSHAKE") is { } raw)
        {
            await SendRawAsync(raw);
            await WatchAfterFailedHandshakeAsync();
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
            await SendAsync([.. reply]);
            var chosen = new byte[4];
            await stream.ReadExactlyAsync(chosen, ct);
            var capabilities = new byte[1];
            await stream.ReadExactlyAsync(capabilities, ct);
            var picked = new BoltVersion(chosen[3], chosen[2]);
            peer.Note($"<MANIFEST CHOSE {picked}>");
            if (offered.Contains(picked))
            {
                return true;
            }
            await WatchAfterFailedHandshakeAsync();
            return false;
        }
        var accepted = (script.Directive("BOLT") ?? "5.4").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(ParseVersion);
        foreach (var version in accepted)
        {
            if (slots.Where(s => s != Handshake.ManifestV1).Any(s => Handshake.Expand(s).Contains(version)))
            {
                await SendAsync([0, 0, (byte)version.Minor, (byte)version.Major]);
                return true;
            }
        }
        await SendAsync(new byte[4]);
        await WatchAfterFailedHandshakeAsync();
        return false;
    }

    /// <summary>
    /// Once no version is agreed, a client may send nothing more (not even GOODBYE): it can only hang up. Whatever
    /// it sends before hanging up goes into the transcript as hex, and a client that keeps the socket open is noted.
    /// </summary>
    private async Task WatchAfterFailedHandshakeAsync()
    {
        var received = new MemoryStream();
        var buffer = new byte[256];
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(ct);
        patience.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            int count;
            while ((count = await stream.ReadAsync(buffer, patience.Token)) > 0)
            {
                received.Write(buffer, 0, count);
            }
            NoteReceived();
            peer.Note("<HUNG UP>");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            NoteReceived();
            peer.Note("<KEPT THE CONNECTION OPEN>");
        }
        catch (IOException)
        {
            NoteReceived();
            peer.Note("<HUNG UP>");
        }

        void NoteReceived()
        {
            if (received.Length > 0)
            {
                peer.Note($"<SENT AFTER A FAILED HANDSHAKE {Convert.ToHexString(received.ToArray())}>");
            }
        }
    }

    private static BoltVersion ParseVersion(string text)
    {
        var parts = text.Split('.');
        return new BoltVersion(int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    /// <summary>The next client message, skipping keep-alive chunks; null when the client hung up between messages.</summary>
    public async Task<PeerRequest?> ReadAsync()
    {
        var body = new MemoryStream();
        while (true)
        {
            try
            {
                await stream.ReadExactlyAsync(_header, ct);
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
            await stream.ReadExactlyAsync(chunk, ct);
            body.Write(chunk);
        }
        var request = Decode(body.ToArray());
        if (request.Message == "RUN")
        {
            LastRun = request;
        }
        peer.Note(request);
        return request;
    }

    private static PeerRequest Decode(byte[] bytes)
    {
        var reader = new PackStreamReader(bytes);
        var count = reader.ReadStructHeader(out var tag);
        var fields = new List<object?>(count);
        for (var i = 0; i < count; i++)
        {
            fields.Add(reader.ReadValue());
        }
        return new PeerRequest(RequestNames.GetValueOrDefault(tag, $"0x{tag:X2}"), fields);
    }

    /// <summary>Queues a reply (SUCCESS, RECORD, IGNORED, FAILURE) to go out with the next <see cref="FlushAsync"/>.</summary>
    public void Queue(ResponseKind kind, IReadOnlyList<object?> fields, IReadOnlyDictionary<string, object?>? echoed = null)
    {
        _output.BeginMessage();
        var writer = new PackStreamWriter(_output);
        writer.WriteStructHeader(fields.Count, (byte)kind);
        foreach (var field in fields)
        {
            PeerValues.Write(writer, field, echoed);
        }
        _output.EndMessage();
    }

    /// <summary>Sends what is queued.</summary>
    public async Task FlushAsync()
    {
        await stream.WriteAsync(_output.Written, ct);
        await stream.FlushAsync(ct);
        _output.Clear();
    }

    /// <summary>Sends bytes as they are, after what is queued.</summary>
    public Task SendAsync(ReadOnlySpan<byte> bytes)
    {
        _output.Write(bytes);
        return FlushAsync();
    }

    /// <summary>Sends bytes written in hex, spaces allowed.</summary>
    public Task SendRawAsync(string hex) => SendAsync(Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal)));
}
