using FilmGraph.Api.Apis;
using FilmGraph.Api.Schema;
using FilmGraph.Store.Embedded;
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
            // A Neo4j store plugs in here: its options section and an IGraphStoreOpener over the Bolt client.
            default:
                throw new InvalidOperationException(
                    $"FilmGraph:Store is '{kind}'; this build serves '{FilmGraphOptions.EmbeddedStore}' only.");
        }
    }
}
