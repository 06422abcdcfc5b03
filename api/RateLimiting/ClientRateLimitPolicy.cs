using System.Globalization;
using System.Text;
using System.Threading.RateLimiting;
using FilmGraph.Api.Apis;
using FilmGraph.Api.Observability;
using FilmGraph.Api.Protection;
using GraphQL;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace FilmGraph.Api.RateLimiting;

/// <summary>
/// The budget of /graphql per <see cref="ClientPartition"/>, and the refusal: 429 with <c>Retry-After</c> (seconds)
/// and a GraphQL-shaped body whose error has the code <c>RATE_LIMITED</c>, in the media type the caller prefers. The
/// refusal leaves a <see cref="GraphQLRequestRecord"/> behind, so that it is logged and counted like any request.
/// </summary>
internal sealed class ClientRateLimitPolicy : IRateLimiterPolicy<ClientPartition>
{
    public const string Name = "graphql-clients";

    private readonly RateLimitSettings _settings;
    private readonly IGraphQLTextSerializer _serializer;
    private readonly Func<ClientPartition, RateLimiter> _limiter;

    public ClientRateLimitPolicy(IOptions<RateLimitSettings> settings, IGraphQLTextSerializer serializer)
    {
        _settings = settings.Value;
        _serializer = serializer;
        _limiter = Limiter(_settings);
    }

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RefuseAsync;

    public RateLimitPartition<ClientPartition> GetPartition(HttpContext httpContext) => new(ClientPartition.Of(httpContext), _limiter);

    // AutoReplenishment off: the partitioned limiter refills every partition from one timer, where each limiter's own
    // would cost a timer per client.
    private static Func<ClientPartition, RateLimiter> Limiter(RateLimitSettings settings) => settings.Algorithm switch
    {
        RateLimitAlgorithm.FixedWindow => _ => new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = settings.PermitLimit,
            Window = settings.Period,
            QueueLimit = settings.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = false,
        }),
        _ => _ => new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = settings.PermitLimit,
            TokensPerPeriod = settings.PermitLimit,
            ReplenishmentPeriod = settings.Period,
            QueueLimit = settings.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = false,
        }),
    };

    private async ValueTask RefuseAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : _settings.Period;
        var seconds = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds));

        var record = new GraphQLRequestRecord { Outcome = RequestOutcomes.Refused };
        record.AddCode(LimitCodes.RateLimited);
        http.Features.Set(record);

        var message = string.Create(CultureInfo.InvariantCulture,
            $"Too many requests: this client may make {_settings.PermitLimit} per {_settings.Period.TotalSeconds:0.###} s. Retry after {seconds} s.");
        var body = Encoding.UTF8.GetBytes(_serializer.Serialize(new ExecutionResult
        {
            Errors = [new ExecutionError(message) { Code = LimitCodes.RateLimited }],
        }));
        record.ResponseBytes = body.Length;

        var response = http.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        response.ContentType = (GraphQLMediaTypes.PrefersGraphQLResponse(http.Request) ? GraphQLMediaTypes.GraphQLResponse : GraphQLMediaTypes.Json) + "; charset=utf-8";
        await response.Body.WriteAsync(body, ct);
    }
}
