using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace FilmGraph.Bolt.Peer;

/// <summary>
/// An in-process Bolt server on 127.0.0.1 for tests. It follows scripts (see <see cref="Script"/>: one per
/// accepted connection, in order, or one shared by every connection), or it answers each RUN by a function of the
/// statement and its parameters (<see cref="StartAnswering"/>). Every client message is kept, in order, for the
/// test to check. A client that leaves its script is recorded and its connection dropped;
/// <see cref="AssertCompletedAsync"/> reports it.
/// </summary>
public sealed class ScriptedPeer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Queue<IConversation> _queued;
    private readonly IConversation? _shared;
    private readonly X509Certificate2? _certificate;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _connections = [];
    private readonly ConcurrentQueue<object> _log = new(); // PeerRequest or an event's string
    private readonly ConcurrentQueue<string> _deviations = new();
    private readonly ConcurrentQueue<string> _failures = new();
    private readonly Task _acceptLoop;
    private int _accepted;
    private int _maxOpen;
    private int _open;
    private bool _failuresReported;

    private ScriptedPeer(IEnumerable<IConversation> queued, IConversation? shared, X509Certificate2? certificate)
    {
        _queued = new Queue<IConversation>(queued);
        _shared = shared;
        _certificate = certificate;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start(512);
        _acceptLoop = AcceptAsync();
    }

    /// <summary>Each accepted connection follows the next script.</summary>
    public static ScriptedPeer Start(params string[] scripts) => new(scripts.Select(Script.Parse), null, null);

    /// <summary>Like <see cref="Start"/>, over TLS with this certificate.</summary>
    public static ScriptedPeer StartTls(X509Certificate2 certificate, params string[] scripts) => new(scripts.Select(Script.Parse), null, certificate);

    /// <summary>Every accepted connection follows the same script, concurrently.</summary>
    public static ScriptedPeer StartShared(string script) => new([], Script.Parse(script), null);

    /// <summary>Every accepted connection speaks Bolt 5.4 and answers each RUN with <paramref name="answer"/>(statement, parameters).</summary>
    public static ScriptedPeer StartAnswering(Func<string, IReadOnlyDictionary<string, object?>, PeerReply> answer) => new([], new Answerer(answer), null);

    /// <summary>Queues more scripts; for peers whose scripts name each other's addresses.</summary>
    public void Add(params string[] scripts)
    {
        lock (_queued)
        {
            foreach (var script in scripts)
            {
                _queued.Enqueue(Script.Parse(script));
            }
        }
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string Address => $"127.0.0.1:{Port}";

    public string Uri(string scheme = "bolt") => $"{scheme}://{Address}";

    public int Accepted => Volatile.Read(ref _accepted);

    public int MaxOpenConnections => Volatile.Read(ref _maxOpen);

    /// <summary>
    /// The transcript over all connections, in order: each client message as a script line would write it, and
    /// the events around them in &lt;&gt; (the handshake's slots, the manifest's choice, a hang-up, a refused certificate).
    /// </summary>
    public IReadOnlyList<string> Received => [.. _log.Select(entry => entry.ToString() ?? "")];

    /// <summary>Every client message, over all connections, in the order they arrived.</summary>
    public IReadOnlyList<PeerRequest> Requests => [.. _log.OfType<PeerRequest>()];

    /// <summary>The RUN requests, in order.</summary>
    public IReadOnlyList<PeerRequest> Runs => [.. Requests.Where(r => r.Message == "RUN")];

    /// <summary>Adds a client message to the transcript.</summary>
    internal void Note(PeerRequest request) => _log.Enqueue(request);

    /// <summary>Adds an event, written in &lt;&gt;, to the transcript.</summary>
    internal void Note(string @event) => _log.Enqueue(@event);

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
            IConversation? conversation;
            lock (_queued)
            {
                conversation = _shared ?? (_queued.Count > 0 ? _queued.Dequeue() : null);
            }
            if (conversation is null)
            {
                _deviations.Enqueue("A connection arrived after every script was used.");
                socket.Dispose();
                continue;
            }
            lock (_connections)
            {
                _connections.Add(Task.Run(() => ServeAsync(socket, conversation)));
            }
        }
    }

    /// <summary>The one place a connection ends: whatever happened, its stream is closed here.</summary>
    private async Task ServeAsync(Socket socket, IConversation conversation)
    {
        var open = Interlocked.Increment(ref _open);
        InterlockedMax(ref _maxOpen, open);
        Stream stream = new NetworkStream(socket, ownsSocket: true);
        try
        {
            if (_certificate is not null)
            {
                var ssl = new SslStream(stream);
                stream = ssl;
                await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
                {
                    ServerCertificate = _certificate,
                    ClientCertificateRequired = false,
                    CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                }, _stop.Token);
            }
            await conversation.FollowAsync(new PeerConnection(this, stream, _stop.Token));
        }
        catch (HangUp)
        {
            Note("<EXIT>");
        }
        catch (ScriptException e)
        {
            _deviations.Enqueue(e.Message);
        }
        catch (AuthenticationException)
        {
            // The client refused the certificate; the test decides whether that was expected.
            Note("<TLS REFUSED>");
        }
        catch (Exception e) when (e is IOException or SocketException || _stop.IsCancellationRequested)
        {
            // The client hung up, or the peer is stopping; the script decides whether that was expected.
        }
        catch (Exception e)
        {
            _failures.Enqueue($"Peer failed: {e}");
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

    /// <summary>Waits for every conversation to end and fails on any deviation, failure or unused script.</summary>
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
            var left = deadline - DateTime.UtcNow;
            if (await Task.WhenAny(all, Task.Delay(left > TimeSpan.Zero ? left : TimeSpan.Zero)) != all)
            {
                throw new Xunit.Sdk.XunitException($"The peer's conversations did not end in time. Received so far:\n{Transcript}");
            }
            lock (_connections)
            {
                if (_connections.Count == running.Length)
                {
                    break;
                }
            }
        }
        _failuresReported = true;
        if (!_deviations.IsEmpty || !_failures.IsEmpty)
        {
            throw new Xunit.Sdk.XunitException($"The client left the script:\n{string.Join("\n", _deviations.Concat(_failures))}\nReceived:\n{Transcript}");
        }
        if (_queued.Count > 0)
        {
            throw new Xunit.Sdk.XunitException($"{_queued.Count} script(s) never got a connection. Received:\n{Transcript}");
        }
    }

    private string Transcript => string.Join("\n", Received);

    /// <summary>
    /// Stops listening and ends every conversation. A conversation that failed through the peer itself (or the
    /// test's answer function) rather than the client is thrown here, unless <see cref="AssertCompletedAsync"/> has
    /// reported it.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        Task[] connections;
        lock (_connections)
        {
            connections = [.. _connections];
        }
        await Task.WhenAll(connections);
        _stop.Dispose();
        if (!_failuresReported && !_failures.IsEmpty)
        {
            throw new Xunit.Sdk.XunitException(string.Join("\n", _failures));
        }
    }
}
