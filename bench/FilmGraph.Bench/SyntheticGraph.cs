using FilmGraph.Core;

namespace FilmGraph.Bench;

/// <summary>
/// A film graph shaped like real credits, the same for the same seed: cast sizes drawn from a log-normal (a few
/// ensembles of hundreds, most casts small), and every person cast at least once, the remaining places going to
/// people in proportion to a Pareto "activity" weight, so that most people have one or two films and a few have
/// hundreds. Each film also gets a director and a writer, and half get a composer, drawn the same way.
/// People are numbered 0..People-1 and films 0..Films-1; <see cref="PersonId"/> and <see cref="FilmId"/> name them.
/// </summary>
public sealed class SyntheticGraph
{
    public GraphSize Size { get; }
    public int[] FilmYears { get; }
    public int[] BirthYears { get; }

    /// <summary>Credits sorted by film then person: (person, film, type).</summary>
    public (int Person, int Film, RelationshipType Type)[] Credits { get; }

    private SyntheticGraph(GraphSize size, int[] filmYears, int[] birthYears, (int, int, RelationshipType)[] credits)
    {
        (Size, FilmYears, BirthYears, Credits) = (size, filmYears, birthYears, credits);
    }

    public static string PersonId(int person) => $"nm{person + 1:D8}";
    public static string FilmId(int film) => $"tt{film + 1:D8}";

    private static readonly string[] Syllables =
        ["an", "bel", "cor", "da", "el", "fin", "gar", "hal", "is", "jo", "ka", "lin", "mar", "no", "or", "pe", "qui", "ro", "sa", "ta", "ul", "ven", "wil", "xa", "yo", "zel"];

    /// <summary>A pronounceable name made from the number, so names repeat as real names do.</summary>
    public static string PersonName(int person)
    {
        var first = Capital(Syllables[person % 26] + Syllables[person / 26 % 26]);
        var last = Capital(Syllables[person / 676 % 26] + Syllables[person / 17_576 % 26] + Syllables[(person / 7 + 3) % 26]);
        return $"{first} {last}";
    }

    public static string FilmTitle(int film) =>
        $"The {Capital(Syllables[film % 26] + Syllables[film / 26 % 26])} of {Capital(Syllables[film / 676 % 26] + Syllables[film / 17_576 % 26])}";

    private static string Capital(string s) => char.ToUpperInvariant(s[0]) + s[1..];

    public static SyntheticGraph Generate(GraphSize size, int seed)
    {
        var random = new Random(seed);
        var filmYears = new int[size.Films];
        for (var f = 0; f < size.Films; f++) filmYears[f] = 1920 + (int)(105 * Math.Sqrt(random.NextDouble()));
        var birthYears = new int[size.People];
        for (var p = 0; p < size.People; p++) birthYears[p] = 1880 + random.Next(125);

        // Cast sizes: log-normal with the wanted mean, at least 1, at most 800.
        const double sigma = 1.0;
        var mean = (double)size.CastLinks / size.Films;
        var mu = Math.Log(mean) - sigma * sigma / 2;
        var slots = new List<int>(size.CastLinks + size.Films);
        for (var f = 0; f < size.Films; f++)
        {
            var castSize = (int)Math.Clamp(Math.Round(Math.Exp(mu + sigma * Gaussian(random))), 1, 800);
            for (var i = 0; i < castSize; i++) slots.Add(f);
        }
        Shuffle(slots, random);

        var weights = Cumulative(size.People, random, alpha: 1.1);
        var order = Enumerable.Range(0, size.People).ToArray();
        Shuffle(order, random);
        var credits = new List<(int, int, RelationshipType)>(slots.Count + size.Films * 3);
        for (var i = 0; i < slots.Count; i++)
        {
            var person = i < order.Length ? order[i] : Draw(weights, random);
            credits.Add((person, slots[i], RelationshipType.CastIn));
        }
        var crewWeights = Cumulative(size.People, random, alpha: 1.5);
        for (var f = 0; f < size.Films; f++)
        {
            credits.Add((Draw(crewWeights, random), f, RelationshipType.Directed));
            credits.Add((Draw(crewWeights, random), f, RelationshipType.Wrote));
            if (random.Next(2) == 0) credits.Add((Draw(crewWeights, random), f, RelationshipType.Composed));
        }
        credits.Sort();
        var distinct = new List<(int, int, RelationshipType)>(credits.Count);
        foreach (var c in credits) if (distinct.Count == 0 || distinct[^1] != c) distinct.Add(c);
        distinct.Sort((a, b) => a.Item2 != b.Item2 ? a.Item2.CompareTo(b.Item2) : a.Item1.CompareTo(b.Item1));
        return new SyntheticGraph(size, filmYears, birthYears, [.. distinct]);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static double[] Cumulative(int count, Random random, double alpha)
    {
        var cumulative = new double[count];
        double total = 0;
        for (var i = 0; i < count; i++)
        {
            total += Math.Min(Math.Pow(1 - random.NextDouble(), -1 / alpha), 10_000);
            cumulative[i] = total;
        }
        return cumulative;
    }

    private static int Draw(double[] cumulative, Random random)
    {
        var target = random.NextDouble() * cumulative[^1];
        var i = Array.BinarySearch(cumulative, target);
        return Math.Min(i < 0 ? ~i : i, cumulative.Length - 1);
    }

    private static void Shuffle<T>(IList<T> items, Random random)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>The graph as store batches of about <paramref name="batchSize"/> records, nodes first.</summary>
    public IEnumerable<GraphBatch> Batches(int batchSize)
    {
        for (var start = 0; start < Size.People; start += batchSize)
            yield return GraphBatch.Of(people: Enumerable.Range(start, Math.Min(batchSize, Size.People - start))
                .Select(p => new Person(PersonId(p), PersonName(p), BirthYears[p])));
        for (var start = 0; start < Size.Films; start += batchSize)
            yield return GraphBatch.Of(films: Enumerable.Range(start, Math.Min(batchSize, Size.Films - start))
                .Select(f => new Film(FilmId(f), FilmTitle(f), FilmYears[f])));
        for (var start = 0; start < Credits.Length; start += batchSize)
            yield return GraphBatch.Of(relationships: Credits.Skip(start).Take(batchSize)
                .Select(c => new Relationship(c.Type, PersonId(c.Person), FilmId(c.Film),
                    c.Type == RelationshipType.CastIn ? new RelationshipProperties(Role: $"Character {c.Person % 997}") : RelationshipProperties.None)));
    }
}
