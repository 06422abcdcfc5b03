using FilmGraph.Core;

namespace FilmGraph.Api.Observability;

/// <summary>The store as <see cref="StoreSampler"/> last found it; <see cref="Stats"/> is null when it could not be counted.</summary>
internal sealed record StoreSample(bool Ready, GraphStats? Stats);
