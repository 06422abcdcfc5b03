namespace FilmGraph.Bolt;

/// <summary>
/// A value the server sent cannot be read as the .NET value it stands for (a date outside years 1 to 9999, an
/// offset that is not whole minutes, a time zone this machine does not know). The message was read whole, so the
/// connection stays usable; a managed transaction does not commit work that met one.
/// </summary>
public sealed class BoltValueException : BoltClientException
{
    public BoltValueException(string message) : base(message) { }
}
