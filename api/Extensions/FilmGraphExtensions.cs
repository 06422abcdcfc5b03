using FilmGraph.Api.Apis;
using FilmGraph.Api.Schema;
using FilmGraph.Store.Embedded;
using FilmGraph.Store.Neo4j;
using GraphQL;

namespace FilmGraph.Api.Extensions;

public static class FilmGraphExtensions
{
    /// <summary>The store, the seed, the GraphQL schema and executer, and the health checks.</summary>
    public static WebApplicationBuilder AddFilmGraph(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        // A line per request would cost more than answering it; say so only when asked (Logging:LogLevel:Microsoft.AspNetCore).
        if (configuration["Logging:LogLevel:Microsoft.AspNetCore"] is null)
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        services.Configure<SeedOptions>(configuration.GetSection(SeedOptions.Section));
        AddStore(services, configuration);

        services.AddSingleton<GraphStoreHost>();
        services.AddHostedService(sp => sp.GetRequiredService<GraphStoreHost>());
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: [FilmGraphApi.ReadyTag]);

        services.AddGraphQL(graphql => graphql
            .AddSchema<FilmGraphSchema>()
            .AddGraphTypes(typeof(FilmGraphSchema).Assembly)
            .AddSystemTextJson()
            .AddErrorInfoProvider<FilmGraphErrorInfoProvider>()
            .AddValidationRule<ReadOnlySchemaRule>()
            .AddComplexityAnalyzer(c => c.MaxDepth = GraphQLErrors.MaxQueryDepth)
            .ConfigureExecutionOptions(options =>
            {
                options.ThrowOnUnhandledException = false;
                options.UnhandledExceptionDelegate = GraphQLErrors.Translate;
            }));
        services.AddSingleton<GraphQLHttpHandler>();
        return builder;
    }

    private static void AddStore(IServiceCollection services, IConfiguration configuration)
    {
        var kind = configuration.GetSection(FilmGraphOptions.Section).Get<FilmGraphOptions>()?.Store ?? FilmGraphOptions.EmbeddedStore;
        switch (kind.Trim().ToLowerInvariant())
        {
            case FilmGraphOptions.EmbeddedStore:
                services.Configure<EmbeddedStoreOptions>(configuration.GetSection("FilmGraph:Embedded"));
                services.AddSingleton<IGraphStoreOpener, EmbeddedStoreOpener>();
                break;
            case FilmGraphOptions.Neo4jStore:
                // Defaults come from NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD and NEO4J_DATABASE; FilmGraph:Neo4j overrides them.
                services.Configure<Neo4jStoreOptions>(configuration.GetSection("FilmGraph:Neo4j"));
                services.AddSingleton<IGraphStoreOpener, Neo4jStoreOpener>();
                break;
            default:
                throw new InvalidOperationException(
                    $"FilmGraph:Store is '{kind}'; use '{FilmGraphOptions.EmbeddedStore}' or '{FilmGraphOptions.Neo4jStore}'.");
        }
    }
}
