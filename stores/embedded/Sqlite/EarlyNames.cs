using System.Runtime.InteropServices;
using FilmGraph.Store.Embedded.Index;

namespace FilmGraph.Store.Embedded.Sqlite;

/// <summary>
/// The name index of a bulk import's nodes, built while the relationships are written, on a thread the system runs only
/// when a core would otherwise be idle (Linux's SCHED_IDLE class). The names depend on the nodes alone, and building
/// them was the longest part of the import's end (at L about 1 s of its 2.3 to 2.8 s, on one core while the other built
/// the rows). The relationships leave a core idle for moments at a time (the writer waiting for the check, the reader
/// for room in the queue), enough to build the names by the end. At normal priority the same build took its time from
/// the writer, and the import was slower (BENCHMARKS.md); where no thread can be put in the idle class, the names are
/// built at the end as before.
/// </summary>
internal sealed partial class EarlyNames
{
    private readonly NodeTable _nodes;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<NameIndex> _built = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private EarlyNames(NodeTable nodes) => _nodes = nodes;

    /// <summary>Finished (built, stopped or refused the idle class), for the tests that wait for it.</summary>
    public Task Done => _built.Task.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    /// <summary>Starts building the names of the nodes <paramref name="nodes"/> holds; null where there is no idle class.</summary>
    public static EarlyNames? Start(NodeTable nodes)
    {
        if (!OperatingSystem.IsLinux()) return null;
        var early = new EarlyNames(nodes);
        // A thread of its own: the class is the thread's for good (an unprivileged thread may not leave it), so no pool's.
        new Thread(early.Run) { IsBackground = true, Name = "FilmGraph names ahead" }.Start();
        return early;
    }

    private void Run()
    {
        try
        {
            if (SetScheduler(0, SchedIdle, 0) != 0)
            {
                _built.SetCanceled();
                return;
            }
            _built.SetResult(NameIndex.Build(_nodes, _stop.Token));
        }
        catch (OperationCanceledException)
        {
            _built.SetCanceled();
        }
        catch (Exception e)
        {
            // The end builds the names itself, and meets the same problem there if it is one.
            _built.SetException(e);
        }
    }

    /// <summary>
    /// The names, when they are built and of as many nodes as <paramref name="count"/>; else null, and the build is
    /// stopped. The caller knows that no node changed since the start (<see cref="BulkLoad"/> stops it when one does).
    /// </summary>
    public NameIndex? Take(int count)
    {
        if (_built.Task.IsCompletedSuccessfully && _nodes.Count == count) return _built.Task.Result;
        Stop();
        return null;
    }

    public void Stop() => _stop.Cancel();

    private const int SchedIdle = 5;

    // sched_setscheduler(0, policy, &param): 0 is the calling thread; param is struct sched_param, one int (0 for SCHED_IDLE).
    [LibraryImport("libc", EntryPoint = "sched_setscheduler", SetLastError = true)]
    private static partial int SetScheduler(int thread, int policy, in int priority);
}
