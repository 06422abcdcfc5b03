using FilmGraph.Stores;

namespace FilmGraph.Importer;

/// <summary>
/// Which embedded store file an import writes, so that it is the one the API reads whatever folder the importer is
/// run from. The API opens <c>FilmGraph:Embedded:Path</c> relative to its working directory, and
/// <c>dotnet run --project api</c> always runs it from the repository root; so the configured path (the variable
/// <c>FilmGraph__Embedded__Path</c>, else <c>filmgraph.db</c>) is taken relative to the repository the importer was
/// built in. A build outside a repository (the container image) has no such root and uses the current directory,
/// as the API there does. <c>--store</c> is a path typed on the command line, so, like the files to import, it is
/// relative to the current directory.
/// </summary>
internal static class StoreLocation
{
    /// <summary>The file that marks the repository root, the API's working directory under <c>dotnet run</c>.</summary>
    public const string RootMarker = "FilmGraph.sln";

    /// <summary>The settings with the embedded path made absolute by the rule above.</summary>
    public static StoreSettings Resolve(StoreSettings settings, string? option, string currentDirectory, string? repositoryRoot)
    {
        var path = option is not null
            ? Path.GetFullPath(option, currentDirectory)
            : Path.GetFullPath(settings.Embedded.Path, repositoryRoot ?? currentDirectory);
        settings.Embedded.Path = path;
        return settings;
    }

    /// <summary>
    /// The repository the program was built in: the first folder above <paramref name="from"/> (the program's own
    /// folder, <c>importer/bin/Debug/net10.0</c> or a test's output folder) that holds <see cref="RootMarker"/>.
    /// </summary>
    public static string? RepositoryRoot(string from)
    {
        for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, RootMarker))) return dir.FullName;
        return null;
    }

    /// <summary>The folder a store file would be created in, when it does not exist: no store can be made there.</summary>
    public static string? MissingFolder(StoreSettings settings)
    {
        if (settings.Kind != StoreKind.Embedded) return null;
        var folder = Path.GetDirectoryName(settings.Embedded.Path);
        return folder is { Length: > 0 } && !Directory.Exists(folder) ? folder : null;
    }
}
