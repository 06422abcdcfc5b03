namespace FilmGraph.Core;

/// <summary>
/// The store itself failed: its file is gone or unreadable, its server cannot be reached. Not the caller's fault, so
/// it travels apart from <see cref="GraphQueryException"/>; the API reports it as STORE_UNAVAILABLE.
/// </summary>
public sealed class GraphStoreException(string message, Exception? inner = null) : Exception(message, inner)
{
    public string Code => ErrorCodes.Unavailable;
}
