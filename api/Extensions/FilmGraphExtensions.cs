using FilmGraph.Api.Apis;
using FilmGraph.Api.GraphQL;
using FilmGraph.Api.Hosting;
using FilmGraph.Api.Protection;
using FilmGraph.Api.Schema;
using FilmGraph.Stores;
using GraphQL;

namespace FilmGraph.Api.Extensions;

public static class FilmGraphExtensions
{
    /// <summary>The store, the seed, the GraphQL schema and executer, and the health checks.</summary>
    public static WebApplicationBuilder AddFilmGraph(this WebApplicationBuilder builder)
    {
        // A line per request would cost more than answering it; say so only when asked (Logging:LogLevel:Microsoft.AspNetCore).
        if (builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore"] is null)
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // The host logs a failed start with its stack trace; a store that cannot be opened is reported in one line instead (StartupFailure).
        if (builder.Configuration["Logging:LogLevel:Microsoft.Extensions.Hosting"] is null)
            builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);

        builder.Services.AddGraphStore();
        builder.Services.AddFilmGraphQL();
        return builder;
    }

    /// <summary>The store named by the section FilmGraph, opened before requests are taken and seeded when empty.</summary>
    private static void AddGraphStore(this IServiceCollection services)
    {
        services.AddOptions<StoreSettings>().BindConfiguration(StoreSettings.Section);
        services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section);
        services.AddSingleton<GraphStoreHost>();
        services.AddHostedService(sp => sp.GetRequiredService<GraphStoreHost>());
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: [FilmGraphApi.ReadyTag]);
    }

    private static void AddFilmGraphQL(this IServiceCollection services)
    {
        services.AddGraphQL(graphql => graphql
            .AddSchema<FilmGraphSchema>()
            .AddGraphTypes(typeof(FilmGraphSchema).Assembly)
            .AddSystemTextJson()
            .AddErrorInfoProvider<FilmGraphErrorInfoProvider>()
            .AddValidationRule<ReadOnlySchemaRule>()
            .ConfigureExecutionOptions(options =>
            {
                options.ThrowOnUnhandledException = false;
                options.UnhandledExceptionDelegate = GraphQLErrors.Translate;
            }));
        services.AddOptions<RequestLimits>().BindConfiguration(RequestLimits.Section);
        services.AddSingleton<GraphQLHttpHandler>();
    }
}
