namespace FilmGraph.Contract;

/// <summary>A fresh directory for a store file, removed with everything in it when disposed.</summary>
public sealed class TempStorePath : IDisposable
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("filmgraph-test-").FullName;

    public string File => System.IO.Path.Combine(Directory, "store.db");

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { /* a file still open elsewhere; the temp folder is cleaned by the system */ }
    }
}
