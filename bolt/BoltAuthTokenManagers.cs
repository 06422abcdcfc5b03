namespace FilmGraph.Bolt;

/// <summary>The usual <see cref="IBoltAuthTokenManager"/>s.</summary>
public static class BoltAuthTokenManagers
{
    /// <summary>The same credentials forever (what <see cref="BoltDriver.Create(Uri, BoltAuth, BoltDriverOptions?)"/> uses).</summary>
    public static IBoltAuthTokenManager Static(BoltAuth auth)
    {
        ArgumentNullException.ThrowIfNull(auth);
        return new StaticManager(auth);
    }

    /// <summary>
    /// Credentials that expire (SSO bearer tokens, rotated passwords): <paramref name="refresh"/> gives a token and
    /// when it stops holding; it is asked again after that, or when the server says the token expired.
    /// </summary>
    public static IBoltAuthTokenManager Expiring(Func<CancellationToken, Task<(BoltAuth Token, DateTimeOffset ExpiresAt)>> refresh)
    {
        ArgumentNullException.ThrowIfNull(refresh);
        return new ExpiringManager(refresh);
    }

    private sealed class StaticManager(BoltAuth auth) : IBoltAuthTokenManager
    {
        public ValueTask<BoltAuth> GetTokenAsync(CancellationToken ct) => ValueTask.FromResult(auth);

        public bool HandleSecurityException(BoltAuth token, BoltAuthenticationException error) => false;
    }

    private sealed class ExpiringManager(Func<CancellationToken, Task<(BoltAuth Token, DateTimeOffset ExpiresAt)>> refresh) : IBoltAuthTokenManager
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private Held? _current;

        public async ValueTask<BoltAuth> GetTokenAsync(CancellationToken ct)
        {
            if (Volatile.Read(ref _current) is { } held && held.ExpiresAt > DateTimeOffset.UtcNow)
            {
                return held.Token;
            }
            await _gate.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                // One refresh for all the callers that found the token expired together.
                if (Volatile.Read(ref _current) is not { } current || current.ExpiresAt <= DateTimeOffset.UtcNow)
                {
                    var (token, expiresAt) = await refresh(ct).ConfigureAwait(false);
                    current = new Held(token, expiresAt);
                    Volatile.Write(ref _current, current);
                }
                return current.Token;
            }
            finally
            {
                _gate.Release();
            }
        }

        public bool HandleSecurityException(BoltAuth token, BoltAuthenticationException error)
        {
            if (error.Code is not ("Neo.ClientError.Security.TokenExpired" or "Neo.ClientError.Security.Unauthorized"))
            {
                return false;
            }
            // Forget the refused token (unless a newer one replaced it meanwhile), so the next caller refreshes.
            if (Volatile.Read(ref _current) is { } current && current.Token.SameAs(token))
            {
                Interlocked.CompareExchange(ref _current, null, current);
            }
            return error.Code == "Neo.ClientError.Security.TokenExpired";
        }

        private sealed record Held(BoltAuth Token, DateTimeOffset ExpiresAt);
    }
}
