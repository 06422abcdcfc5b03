namespace FilmGraph.Bolt;

/// <summary>Settings of one session; what is not set comes from <see cref="BoltDriverOptions"/>.</summary>
public sealed record BoltSessionOptions
{
    /// <summary>Null: the driver's <see cref="BoltDriverOptions.Database"/>, else the user's home database.</summary>
    public string? Database { get; init; }

    /// <summary>The mode of auto-commit queries and of transactions begun without one.</summary>
    public BoltAccessMode DefaultAccessMode { get; init; } = BoltAccessMode.Write;

    /// <summary>Bookmarks the session's first work must see.</summary>
    public IEnumerable<string>? Bookmarks { get; init; }

    /// <summary>Bookmarks shared with other sessions: each waits for what the others committed, and adds its own.</summary>
    public BoltBookmarkManager? BookmarkManager { get; init; }

    /// <summary>Records per PULL for this session; null: <see cref="BoltDriverOptions.FetchSize"/>.</summary>
    public int? FetchSize { get; init; }

    /// <summary>Run as this user (Bolt 4.4+; the driver's user needs the IMPERSONATE privilege).</summary>
    public string? ImpersonatedUser { get; init; }

    /// <summary>
    /// Credentials of this session's own, instead of the driver's (Bolt 5.1+: the pooled connection is
    /// re-authenticated with LOGOFF and LOGON; on 4.4 this is an error).
    /// </summary>
    public BoltAuth? Auth { get; init; }

    /// <summary>Notification filters for this session's work (Bolt 5.2+); null: the driver's, sent once in HELLO.</summary>
    public BoltNotificationConfig? Notifications { get; init; }
}
