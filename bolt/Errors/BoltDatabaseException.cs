namespace FilmGraph.Bolt;

/// <summary>The server failed internally.</summary>
public sealed class BoltDatabaseException : BoltException
{
    public BoltDatabaseException(string code, string message) : base(code, message) { }
}
