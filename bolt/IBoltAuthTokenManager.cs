namespace FilmGraph.Bolt;

/// <summary>
/// Where the driver gets its credentials, each time it needs them: before opening a connection and before reusing
/// one (a pooled connection whose credentials are no longer the current ones is re-authenticated with LOGOFF and
/// LOGON on Bolt 5.1+, or replaced on 4.4). <see cref="BoltAuthTokenManagers"/> has the usual ones.
/// </summary>
public interface IBoltAuthTokenManager
{
    /// <summary>The credentials to use now. Called often: return a cached token while it holds.</summary>
    ValueTask<BoltAuth> GetTokenAsync(CancellationToken ct);

    /// <summary>
    /// The server refused <paramref name="token"/> with <paramref name="error"/>. Return true when a new token will be
    /// handed out next (the managed transaction then runs again); false leaves the error as it is.
    /// </summary>
    bool HandleSecurityException(BoltAuth token, BoltAuthenticationException error);
}
