using System.Collections.Concurrent;
using System.Threading.Channels;
using FilmGraph.Core;

namespace FilmGraph.Formats;

/// <summary>
/// The one way every batched format is written: a reader fills batches on its own thread (nodes first, then
/// relationships) while this side writes them, one at a time, each whole or not at all. Records the store refuses
/// are rejected and the rest of their batch is written without them.
/// </summary>
internal static class BatchPipeline
{
    public static async Task<ImportReport> RunAsync(RecordReader reader, IGraphWriter writer, ImportOptions options, CancellationToken ct)
    {
        var tally = new ImportTally(options);
        var faults = reader.Check();
        if (faults.Count > 0)
        {
            foreach (var fault in faults) tally.Stop(fault);
            return tally.Report(options.DryRun);
        }
        if (options.DryRun) writer = new DryRunWriter(writer);
        tally.Start(reader.Bytes(ImportPhase.Nodes), reader.Bytes(ImportPhase.Relationships));
        // The store learns the size of the import before its first batch; the record count is a guess from the bytes.
        var records = (reader.Bytes(ImportPhase.Nodes) + reader.Bytes(ImportPhase.Relationships)) / BytesPerRecordGuess;
        await writer.BeginImportAsync(records, options.Bulk, ct).ConfigureAwait(false);
        try
        {
            await PumpAsync(reader, writer, options, tally, ct).ConfigureAwait(false);
        }
        catch
        {
            // Ended whatever stopped the batches, so that the store is left complete; a failure of its own here would
            // hide the one that stopped the import.
            try
            {
                await writer.EndImportAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is GraphStoreException or InvalidOperationException)
            {
                // The first failure is reported below.
            }
            throw;
        }
        await writer.EndImportAsync(CancellationToken.None).ConfigureAwait(false);
        return tally.Report(options.DryRun);
    }

    /// <summary>About the shortest line of the formats read in batches (an IMDb principal): the guess counts high rather than low.</summary>
    private const long BytesPerRecordGuess = 48;

    private static async Task PumpAsync(RecordReader reader, IGraphWriter writer, ImportOptions options, ImportTally tally, CancellationToken ct)
    {
        // One batch waiting while another is written: reading overlaps writing, and memory holds three batches at most
        // (one filling, one waiting, one being written).
        var batches = Channel.CreateBounded<PendingBatch>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        // Written batches go back to the reading side to be filled again; lists of 50,000 records live on the large
        // object heap, and new ones for every batch would cost a full collection each.
        var written = new ConcurrentQueue<PendingBatch>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reading = Task.Factory.StartNew(() =>
        {
            try
            {
                var sink = new RecordSink(options, tally, batch => batches.Writer.WriteAsync(batch, stop.Token).AsTask().GetAwaiter().GetResult(),
                    () => written.TryDequeue(out var empty) ? empty.Cleared() : null);
                long before = 0;
                foreach (var phase in (ImportPhase[])[ImportPhase.Nodes, ImportPhase.Relationships])
                {
                    tally.BeginPhase(phase, before);
                    sink.BeginPhase(before);
                    reader.Read(phase, sink, stop.Token);
                    before += reader.Bytes(phase);
                    sink.At(reader.Bytes(phase));
                    sink.Flush();
                }
            }
            catch (ImportStoppedException e)
            {
                tally.Stop(e.Error);
            }
            finally
            {
                batches.Writer.Complete();
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                await WriteAsync(batch, writer, tally, ct).ConfigureAwait(false);
                written.Enqueue(batch);
            }
        }
        catch
        {
            await stop.CancelAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            try
            {
                await reading.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The writing side's failure is the one to report.
            }
        }
    }

    private static async Task WriteAsync(PendingBatch batch, IGraphWriter writer, ImportTally tally, CancellationToken ct)
    {
        while (batch.Count > 0)
        {
            try
            {
                tally.Written(await writer.WriteAsync(batch.ToGraphBatch(), ct).ConfigureAwait(false), batch.BytesDone);
                return;
            }
            catch (GraphWriteException e) when (batch.Reject(e.Problems, tally))
            {
                // Refused records are out; the rest is tried again, still as one batch.
            }
        }
    }
}
