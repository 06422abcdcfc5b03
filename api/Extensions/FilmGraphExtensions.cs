using FilmGraph.Api.Apis;
using FilmGraph.Api.Auth;
using FilmGraph.Api.GraphQL;
using FilmGraph.Api.Hosting;
using FilmGraph.Api.Protection;
using FilmGraph.Api.Http;
using FilmGraph.Api.Observability;
using FilmGraph.Api.PersistedQueries;
using FilmGraph.Api.RateLimiting;
using FilmGraph.Api.Schema;
using FilmGraph.Stores;
using GraphQL;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace FilmGraph.Api.Extensions;

public static class FilmGraphExtensions
{
    /// <summary>
    /// The store, the seed, the GraphQL schema and executer, the health checks, CORS, the per-client rate limit and
    /// the telemetry (metrics for /metrics, traces and metrics to OTLP when an endpoint is configured).
    /// </summary>
    public static WebApplicationBuilder AddFilmGraph(this WebApplicationBuilder builder)
    {
        // A line per request would cost more than answering it; say so only when asked (Logging:LogLevel:Microsoft.AspNetCore).
        // FilmGraph's own request line (FilmGraph.Api.Requests) is one cheap line and stays at Information.
        if (builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore"] is null)
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // The host logs a failed start with its stack trace; a store that cannot be opened is reported in one line instead (StartupFailure).
        if (builder.Configuration["Logging:LogLevel:Microsoft.Extensions.Hosting"] is null)
            builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        // The request lines go to standard output in batches (RequestLogWriter), not one by one through the console logger.
        builder.Logging.AddFilter<ConsoleLoggerProvider>(RequestLog.Category, LogLevel.None);
        builder.Services.AddSingleton<ILoggerProvider, RequestLogWriter>();

        builder.Services.AddGraphStore();
        builder.Services.AddFilmGraphQL();
        builder.Services.AddFilmGraphHttp();
        builder.AddFilmGraphTelemetry();
        return builder;
    }

    /// <summary>The store named by the section FilmGraph, opened before requests are taken and seeded when empty.</summary>
    private static void AddGraphStore(this IServiceCollection services)
    {
        services.AddOptions<StoreSettings>().BindConfiguration(StoreSettings.Section);
        services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section);
        services.AddSingleton<GraphStoreHost>();
        services.AddHostedService(sp => sp.GetRequiredService<GraphStoreHost>());
        services.AddHostedService<CentresLog>();
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: [FilmGraphApi.ReadyTag]);
    }

    private static void AddFilmGraphQL(this IServiceCollection services)
    {
        services.AddOptions<GraphQLSettings>().BindConfiguration(GraphQLSettings.Section);
        services.AddGraphQL(graphql => graphql
            .AddSchema<FilmGraphSchema>()
            .AddGraphTypes(typeof(FilmGraphSchema).Assembly)
            // Answers are JSON read by programs, never inlined into HTML: "don't" need not become "don\u0027t".
            .AddSystemTextJson(json => json.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .AddErrorInfoProvider<FilmGraphErrorInfoProvider>()
            .ConfigureSchema(ExecutionDeadline.Enforce)
            .ConfigureExecutionOptions(options =>
            {
                options.ThrowOnUnhandledException = false;
                options.UnhandledExceptionDelegate = GraphQLErrors.Translate;
            }));
        services.AddOptions<RequestLimits>().BindConfiguration(RequestLimits.Section);
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section);
        services.AddSingleton<ApiKeyRing>();
        services.AddOptions<PersistedQueryOptions>().BindConfiguration(PersistedQueryOptions.Section);
        services.AddSingleton<PersistedQueryStore>();
        services.AddSingleton<HttpValidators>();
        services.AddSingleton<Admission>();
        services.AddSingleton<ValidationRules>();
        services.AddSingleton<GraphQLHttpHandler>();
    }

    /// <summary>CORS for the configured origins (none by default) and the rate limit of /graphql.</summary>
    private static void AddFilmGraphHttp(this IServiceCollection services)
    {
        services.AddOptions<CorsSettings>().BindConfiguration(CorsSettings.Section);
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<CorsSettings>>((cors, settings) => cors.AddDefaultPolicy(policy => policy
            .WithOrigins(settings.Value.AllowedOrigins)
            .WithMethods(HttpMethods.Get, HttpMethods.Post)
            .WithHeaders("Content-Type", "Authorization")
            // A page told to wait must be able to read how long.
            .WithExposedHeaders("Retry-After")
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));

        services.AddOptions<RateLimitSettings>().BindConfiguration(RateLimitSettings.Section)
            .Validate(s => s.PermitLimit > 0 && s.Period > TimeSpan.Zero && s.QueueLimit >= 0,
                $"{RateLimitSettings.Section}: PermitLimit and Period must be positive and QueueLimit at least 0.")
            .ValidateOnStart();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy<ClientPartition, ClientRateLimitPolicy>(ClientRateLimitPolicy.Name);
        });
    }

    /// <summary>
    /// Metrics for /metrics (FilmGraph:Metrics:Enabled) and, when OTEL_EXPORTER_OTLP_ENDPOINT is set, metrics and
    /// traces to that endpoint. Without an exporter no tracer is built: spans nobody receives would still cost their
    /// recording on every request.
    /// </summary>
    private static void AddFilmGraphTelemetry(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MetricsSettings>().BindConfiguration(MetricsSettings.Section);
        services.AddSingleton<FilmGraphMetrics>();

        var scrape = builder.Configuration.GetSection(MetricsSettings.Section).Get<MetricsSettings>()?.Enabled ?? true;
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (!scrape && !otlp) return;

        services.AddHostedService<StoreSampler>();
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? "filmgraph-api"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(Telemetry.Name).AddAspNetCoreInstrumentation();
                if (scrape) metrics.AddPrometheusExporter();
                if (otlp) metrics.AddOtlpExporter();
            });
        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(Telemetry.Name)
                .AddAspNetCoreInstrumentation(options => options.Filter = http => !FilmGraphApi.IsProbe(http.Request.Path))
                .AddOtlpExporter());
        }
    }
}
