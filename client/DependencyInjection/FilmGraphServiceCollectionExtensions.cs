using Microsoft.Extensions.DependencyInjection;

namespace FilmGraph.Client;

/// <summary>Registers <see cref="FilmGraphClient"/> with <c>IHttpClientFactory</c>.</summary>
public static class FilmGraphServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="FilmGraphClient"/> as a typed HTTP client for the API at <paramref name="uri"/>: each one
    /// resolved gets an <see cref="HttpClient"/> from the factory, whose pooled handlers follow DNS changes.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="uri">The API's address (<c>http://localhost:5000/</c>) or its GraphQL endpoint.</param>
    /// <param name="key">The API key, sent as <c>Authorization: Bearer KEY</c>; writes need one.</param>
    /// <param name="configure">Sets the other options (persisted queries, retries).</param>
    /// <returns>The HTTP client's builder, to add handlers or resilience to.</returns>
    public static IHttpClientBuilder AddFilmGraphClient(this IServiceCollection services, Uri uri, string? key = null,
        Action<FilmGraphClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri) throw new ArgumentException($"The FilmGraph API's address must be absolute; '{uri}' is not.", nameof(uri));
        var options = new FilmGraphClientOptions { ApiKey = key };
        configure?.Invoke(options);
        return services
            .AddHttpClient(nameof(FilmGraphClient), http => http.BaseAddress = uri)
            .AddTypedClient((http, _) => new FilmGraphClient(http, options));
    }
}
