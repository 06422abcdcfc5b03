using System.Diagnostics;
using System.Net.Security;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using FilmGraph.Bolt.PackStream;

namespace FilmGraph.Bolt.Protocol;

/// <summary>
/// One Bolt connection: owns the socket, the read and write buffers and the handshake. It knows
/// how to send requests and read responses, not what they mean for a session. Used by one caller
/// at a time; the pool guarantees that.
/// </summary>
internal sealed class BoltConnection : IAsyncDisposable
{
    private const int ReadBufferSize = 128 * 1024; // a whole maximal chunk plus headers always fits

    private readonly Socket _socket;
    private readonly ConnectionSettings _settings;
    private readonly WriteBuffer _write = new();
    private readonly ReadBuffer _read;
    private Stream _stream;
    private byte[] _assembly = [];
    private readonly Queue<byte> _pending = new();
    private bool _utcDateTime = true;
    private TimeSpan? _readTimeout;
    private Exception? _broken;
    private string _opening = "the TCP connection";

    private BoltConnection(Socket socket, Stream stream, ServerAddress address, ConnectionSettings settings, BoltAuth auth)
    {
        _socket = socket;
        _stream = stream;
        _settings = settings;
        Address = address;
        Auth = auth;
        _read = new ReadBuffer(this, ReadBufferSize);
    }

    public ServerAddress Address { get; }

    public BoltVersion Version { get; private set; }

    public string? ServerAgent { get; private set; }

    public string? ConnectionId { get; private set; }

    /// <summary>The credentials the connection is authenticated with.</summary>
    public BoltAuth Auth { get; private set; }

    /// <summary>LOGOFF and LOGON exist from Bolt 5.1: before, a connection keeps the credentials of its HELLO.</summary>
    public bool CanReauthenticate => Version >= BoltVersion.V5_1;

    public long CreatedAt { get; } = Stopwatch.GetTimestamp();

    public long LastUsedAt { get; set; } = Stopwatch.GetTimestamp();

    public bool IsBroken => _broken is not null;

    /// <summary>Requests sent whose summary (SUCCESS, FAILURE or IGNORED) has not been read yet.</summary>
    public int Pending => _pending.Count;

    /// <summary>True while the server holds state for this connection (an open transaction, or a failure not yet reset).</summary>
    public bool NeedsReset { get; private set; }

    public static async Task<BoltConnection> OpenAsync(ServerAddress address, ConnectionSettings settings, BoltAuth auth, CancellationToken ct)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
        // One budget covers TCP connect, TLS, handshake and HELLO/LOGON: a server that accepts the
        // socket but never answers must not hold the caller forever.
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(settings.ConnectTimeout);
        try
        {
            await socket.ConnectAsync(address.Host, address.Port, budget.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            socket.Dispose();
            var why = e is OperationCanceledException ? $"timed out after {settings.ConnectTimeout.TotalSeconds:0.#} s" : e.Message;
            throw new BoltServiceUnavailableException($"Cannot connect to {address}: {why}.", e);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        var connection = new BoltConnection(socket, new NetworkStream(socket, ownsSocket: true), address, settings, auth);
        try
        {
            if (settings.Tls != TlsMode.None)
            {
                connection._opening = "the TLS handshake";
                await connection.StartTlsAsync(budget.Token).ConfigureAwait(false);
            }
            connection._opening = "the Bolt handshake";
            await connection.HandshakeAsync(budget.Token).ConfigureAwait(false);
            connection._opening = "HELLO";
            await connection.HelloAsync(budget.Token).ConfigureAwait(false);
            return connection;
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            // Says which step stalled: a server that takes the handshake but never answers HELLO is not one that never speaks Bolt.
            var step = connection._opening;
            throw new BoltServiceUnavailableException(step == "the Bolt handshake"
                ? $"{address} accepted the connection but did not complete the Bolt handshake within {settings.ConnectTimeout.TotalSeconds:0.#} s."
                : $"{address} accepted the connection and agreed Bolt {connection.Version}, but did not answer {step} within {settings.ConnectTimeout.TotalSeconds:0.#} s.", e);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task StartTlsAsync(CancellationToken ct)
    {
        var trustAny = _settings.Tls == TlsMode.TrustAny;
        var ssl = new SslStream(_stream, leaveInnerStreamOpen: false);
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = Address.Host,
            // +ssc asks to accept whatever certificate the server shows, typically a self-signed one.
            RemoteCertificateValidationCallback = (_, _, _, errors) => trustAny || errors == SslPolicyErrors.None,
        };
        try
        {
            await ssl.AuthenticateAsClientAsync(options, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is System.Security.Authentication.AuthenticationException or IOException)
        {
            throw new BoltServiceUnavailableException($"TLS with {Address} failed: {e.Message}", e);
        }
        _stream = ssl;
    }

    /// <summary>
    /// Agrees a version. A handshake that agrees none leaves nothing to say (not even GOODBYE, which belongs to a
    /// protocol that was never chosen): every failure here breaks the connection.
    /// </summary>
    private async Task HandshakeAsync(CancellationToken ct)
    {
        _write.Write(Handshake.ClientHello());
        await FlushAsync(ct).ConfigureAwait(false);
        var answer = await ReadUInt32Async(ct).ConfigureAwait(false);
        if (answer != Handshake.ManifestV1)
        {
            try
            {
                Version = Handshake.AcceptLegacy(answer);
            }
            catch (BoltException e)
            {
                throw Break(e);
            }
        }
        else
        {
            var count = await ReadVarIntAsync(ct).ConfigureAwait(false);
            if (count > Handshake.MaxManifestEntries)
            {
                throw Break(new BoltProtocolException($"The server's handshake manifest lists {count} versions."));
            }
            var offered = new List<uint>((int)count);
            for (var i = 0UL; i < count; i++)
            {
                offered.Add(await ReadUInt32Async(ct).ConfigureAwait(false));
            }
            await ReadVarIntAsync(ct).ConfigureAwait(false); // server capabilities: none are used
            var chosen = Handshake.ChooseFromManifest(offered);
            var reply = new List<byte>(5);
            var encoded = chosen is { } v ? Handshake.Encode(v) : Handshake.NoVersion;
            reply.AddRange([(byte)(encoded >> 24), (byte)(encoded >> 16), (byte)(encoded >> 8), (byte)encoded]);
            Handshake.WriteVarInt(reply, 0);
            _write.Write(reply.ToArray());
            await FlushAsync(ct).ConfigureAwait(false);
            Version = chosen ?? throw Break(Handshake.NoneInManifest(offered));
        }
        _utcDateTime = Version >= BoltVersion.V5_0;
    }

    private async ValueTask<uint> ReadUInt32Async(CancellationToken ct)
    {
        await _read.EnsureAsync(4, ct).ConfigureAwait(false);
        return _read.TakeUInt32();
    }

    private async ValueTask<ulong> ReadVarIntAsync(CancellationToken ct)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            await _read.EnsureAsync(1, ct).ConfigureAwait(false);
            var b = _read.Take(1)[0];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
        throw Break(new BoltProtocolException("The server's handshake manifest holds an overlong number."));
    }

    private async Task HelloAsync(CancellationToken ct)
    {
        var extra = new Dictionary<string, object?> { ["user_agent"] = _settings.UserAgent };
        var separateLogon = Version >= BoltVersion.V5_1;
        if (!separateLogon)
        {
            foreach (var (key, value) in Auth.Token)
            {
                extra[key] = value;
            }
        }
        if (_settings.RoutingContext is not null)
        {
            extra["routing"] = _settings.RoutingContext;
        }
        if (Version == BoltVersion.V4_4)
        {
            // Asks a 4.4 server for Bolt 5's UTC-based date-times.
            extra["patch_bolt"] = new[] { "utc" };
        }
        if (Version >= BoltVersion.V5_3)
        {
            extra["bolt_agent"] = BoltAgent;
        }
        try
        {
            NotificationFilters.Append(extra, _settings.Notifications, Version);
        }
        catch (BoltClientException e)
        {
            throw Break(e);
        }
        Send(MessageTags.Hello, extra);
        if (separateLogon)
        {
            Send(MessageTags.Logon, Auth.Token);
        }
        await FlushAsync(ct).ConfigureAwait(false);
        var hello = await ReadResponseAsync(ct).ConfigureAwait(false);
        if (hello.Kind != ResponseKind.Success)
        {
            throw Break(hello.Kind == ResponseKind.Failure ? Failures.ToException(hello.Metadata) : new BoltProtocolException("HELLO was ignored."));
        }
        ServerAgent = hello.Get("server") as string;
        ConnectionId = hello.Get("connection_id") as string;
        if (hello.Get("hints") is IReadOnlyDictionary<string, object?> hints && hints.GetValueOrDefault("connection.recv_timeout_seconds") is long seconds && seconds > 0)
        {
            _readTimeout = TimeSpan.FromSeconds(seconds);
        }
        if (Version == BoltVersion.V4_4 && hello.Get("patch_bolt") is IEnumerable<object?> patches && patches.Contains("utc"))
        {
            _utcDateTime = true;
        }
        if (separateLogon)
        {
            _opening = "LOGON";
            var logon = await ReadResponseAsync(ct).ConfigureAwait(false);
            if (logon.Kind != ResponseKind.Success)
            {
                throw Break(logon.Kind == ResponseKind.Failure ? Failures.ToException(logon.Metadata) : new BoltProtocolException("LOGON was ignored."));
            }
        }
    }

    /// <summary>
    /// Swaps the connection's credentials (LOGOFF, LOGON), pipelined. A refused LOGON leaves the server waiting
    /// for credentials no one will send: the connection is broken, with the refusal as the reason.
    /// </summary>
    public async Task ReauthenticateAsync(BoltAuth auth, CancellationToken ct)
    {
        if (!CanReauthenticate)
        {
            throw new BoltClientException($"Re-authentication on an open connection needs Bolt 5.1 or later; {Address} speaks Bolt {Version}.");
        }
        Send(MessageTags.Logoff);
        Send(MessageTags.Logon, auth.Token);
        await FlushAsync(ct).ConfigureAwait(false);
        var logoff = await ReadResponseAsync(ct).ConfigureAwait(false);
        var logon = await ReadResponseAsync(ct).ConfigureAwait(false);
        foreach (var (reply, name) in new[] { (logoff, "LOGOFF"), (logon, "LOGON") })
        {
            if (reply.Kind != ResponseKind.Success)
            {
                throw Break(reply.Kind == ResponseKind.Failure ? Failures.ToException(reply.Metadata) : new BoltProtocolException($"{name} was ignored."));
            }
        }
        Auth = auth;
    }

    private static readonly Dictionary<string, object?> BoltAgent = new()
    {
        ["product"] = $"FilmGraph.Bolt/{typeof(BoltConnection).Assembly.GetName().Version?.ToString(3)}",
        ["platform"] = $"{RuntimeInformation.OSDescription}; {RuntimeInformation.OSArchitecture}",
        ["language"] = $"C#/{Environment.Version}",
        ["language_details"] = RuntimeInformation.FrameworkDescription,
    };

    /// <summary>Queues one request message; nothing is sent until <see cref="FlushAsync"/>.</summary>
    public void Send(byte tag, params ReadOnlySpan<object?> fields)
    {
        ThrowIfBroken();
        _write.BeginMessage();
        try
        {
            var writer = new PackStreamWriter(_write, _utcDateTime);
            writer.WriteStructHeader(fields.Length, tag);
            foreach (var field in fields)
            {
                writer.WriteValue(field);
            }
        }
        catch
        {
            _write.AbandonMessage();
            throw;
        }
        _write.EndMessage();
        if (tag != MessageTags.Goodbye)
        {
            _pending.Enqueue(tag);
        }
        if (tag == MessageTags.Begin)
        {
            NeedsReset = true;
        }
    }

    public async ValueTask FlushAsync(CancellationToken ct)
    {
        ThrowIfBroken();
        if (_write.Length == 0)
        {
            return;
        }
        try
        {
            await _stream.WriteAsync(_write.Written, ct).ConfigureAwait(false);
            await _stream.FlushAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not BoltException)
        {
            throw Break(e, ct);
        }
        finally
        {
            _write.Clear();
        }
        LastUsedAt = Stopwatch.GetTimestamp();
    }

    /// <summary>The one place bytes come off the socket: read timeout, cancellation and tear-down on failure.</summary>
    internal async ValueTask<int> ReceiveAsync(Memory<byte> into, CancellationToken ct)
    {
        ThrowIfBroken();
        using var timeout = _readTimeout is { } limit ? CancellationTokenSource.CreateLinkedTokenSource(ct) : null;
        timeout?.CancelAfter(_readTimeout!.Value);
        try
        {
            var count = await _stream.ReadAsync(into, timeout?.Token ?? ct).ConfigureAwait(false);
            return count > 0 ? count : throw new EndOfStreamException("The server closed the connection.");
        }
        catch (Exception e) when (e is not BoltException)
        {
            throw Break(e, ct);
        }
    }

    /// <summary>Reads the next message, skipping keep-alive NOOPs between messages.</summary>
    public async ValueTask<BoltResponse> ReadResponseAsync(CancellationToken ct)
    {
        while (true)
        {
            await _read.EnsureAsync(2, ct).ConfigureAwait(false);
            var size = _read.TakeUInt16();
            if (size == 0)
            {
                continue;
            }
            await _read.EnsureAsync(size + 2, ct).ConfigureAwait(false);
            if (_read.Peek(size + 2)[size..] is [0, 0])
            {
                var response = ResponseDecoder.Decode(_read.Peek(size), _settings.MaxNestingDepth, out var error);
                _read.Skip(size + 2);
                return Complete(response, error);
            }
            var length = await AssembleAsync(size, ct).ConfigureAwait(false);
            var assembled = ResponseDecoder.Decode(_assembly.AsSpan(0, length), _settings.MaxNestingDepth, out var assemblyError);
            if (_assembly.Length > 1 << 20)
            {
                _assembly = [];
            }
            return Complete(assembled, assemblyError);
        }
    }

    private async ValueTask<int> AssembleAsync(int firstChunk, CancellationToken ct)
    {
        var length = 0;
        var chunk = firstChunk;
        while (chunk != 0)
        {
            if ((long)length + chunk > _settings.MaxMessageSize)
            {
                throw Break(new BoltProtocolException($"The server sent a message larger than the {_settings.MaxMessageSize}-byte limit."));
            }
            await _read.EnsureAsync(chunk, ct).ConfigureAwait(false);
            if (_assembly.Length < length + chunk)
            {
                // Grows with the bytes that actually arrived, never with a size the peer merely claims.
                Array.Resize(ref _assembly, Math.Max(length + chunk, Math.Min(_assembly.Length * 2, _settings.MaxMessageSize)));
            }
            _read.Take(chunk).CopyTo(_assembly.AsSpan(length));
            length += chunk;
            await _read.EnsureAsync(2, ct).ConfigureAwait(false);
            chunk = _read.TakeUInt16();
        }
        return length;
    }

    private BoltResponse Complete(BoltResponse response, Exception? error)
    {
        if (error is BoltProtocolException)
        {
            throw Break(error);
        }
        if (response.IsSummary && _pending.TryDequeue(out var request))
        {
            if (response.Kind == ResponseKind.Failure)
            {
                NeedsReset = true;
            }
            else if (response.Kind == ResponseKind.Success && request is MessageTags.Commit or MessageTags.Rollback or MessageTags.Reset)
            {
                NeedsReset = false;
            }
        }
        LastUsedAt = Stopwatch.GetTimestamp();
        if (error is not null)
        {
            // The message was read whole, so the connection is still in step; only this value was unusable.
            throw error;
        }
        return response;
    }

    /// <summary>Interrupts whatever the server is doing and brings the connection back to a clean, idle state.</summary>
    public async Task ResetAsync(CancellationToken ct)
    {
        Send(MessageTags.Reset);
        await FlushAsync(ct).ConfigureAwait(false);
        var last = default(BoltResponse);
        while (_pending.Count > 0)
        {
            last = await ReadResponseAsync(ct).ConfigureAwait(false);
        }
        if (last.Kind != ResponseKind.Success)
        {
            throw Break(new BoltProtocolException($"RESET was answered with {last.Kind}."));
        }
    }

    public void ThrowIfBroken()
    {
        if (_broken is not null)
        {
            throw new BoltServiceUnavailableException($"The connection to {Address} is closed: {_broken.Message}", _broken);
        }
    }

    /// <summary>The one place a connection is torn down after an error; returns what the caller should throw.</summary>
    public Exception Break(Exception cause, CancellationToken ct = default)
    {
        var result = cause switch
        {
            OperationCanceledException when ct.IsCancellationRequested => cause,
            OperationCanceledException => new BoltServiceUnavailableException($"The server {Address} did not answer within {_readTimeout?.TotalSeconds:0.#} s.", cause),
            BoltException => cause,
            _ => new BoltServiceUnavailableException($"The connection to {Address} was lost: {cause.Message}", cause),
        };
        if (_broken is null)
        {
            _broken = result;
            _stream.Dispose();
            _socket.Dispose();
        }
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        // GOODBYE only on a connection that agreed a version; before that there is no protocol to say it in.
        if (_broken is null && Version != default)
        {
            try
            {
                Send(MessageTags.Goodbye);
                using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                await FlushAsync(quick.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is BoltException or OperationCanceledException or IOException)
            {
                // Saying goodbye is a courtesy; the socket closes either way.
            }
        }
        Break(new ObjectDisposedException(nameof(BoltConnection)));
    }
}
