using BenchmarkDotNet.Attributes;

namespace FilmGraph.Bolt.Bench;

[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class DecodeBenchmark
{
    private byte[] _capture = [];

    [GlobalSetup]
    public void Setup() => _capture = Capture.Create();

    /// <summary>Per record: dechunk, decode the RECORD and its values, node included.</summary>
    [Benchmark(OperationsPerInvoke = Capture.RecordCount)]
    public long DecodeRecords() => Capture.DecodeAll(_capture);
}
