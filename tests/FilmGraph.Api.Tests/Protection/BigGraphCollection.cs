namespace FilmGraph.Api.Tests.Protection;

/// <summary>The tests that share <see cref="BigGraphServer"/>; xUnit runs them one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class BigGraphCollection : ICollectionFixture<BigGraphServer>
{
    public const string Name = "big graph";
}
