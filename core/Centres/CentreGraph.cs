namespace FilmGraph.Core;

/// <summary>
/// The person-film graph of one set of via types as compact rows both ways, numbered densely by kind (people
/// 0..People-1, films 0..Films-1): what <see cref="CentreSearch"/> walks. Each store builds one from what it holds,
/// so both stores rank centres with the same code.
/// </summary>
public sealed class CentreGraph
{
    private readonly Func<int, string> _personId;

    public int People { get; }
    public int Films { get; }
    internal int[] PersonOffsets { get; }
    internal int[] PersonFilms { get; }
    internal int[] FilmOffsets { get; }
    internal int[] FilmPeople { get; }

    private CentreGraph(int people, int films, int[] personOffsets, int[] personFilms, int[] filmOffsets, int[] filmPeople, Func<int, string> personId)
    {
        (People, Films, PersonOffsets, PersonFilms, FilmOffsets, FilmPeople, _personId) =
            (people, films, personOffsets, personFilms, filmOffsets, filmPeople, personId);
    }

    /// <summary>A person's id, for ties and answers.</summary>
    public string PersonId(int person) => _personId(person);

    /// <summary>The person's films, one entry per relationship.</summary>
    public ReadOnlySpan<int> FilmsOf(int person) => PersonFilms.AsSpan(PersonOffsets[person], Degree(person));

    /// <summary>Relationships of the via types the person has (the same film twice when through two types).</summary>
    public int Degree(int person) => PersonOffsets[person + 1] - PersonOffsets[person];

    /// <summary>
    /// Builds the rows from each person's films: <paramref name="personOffsets"/> (People + 1 entries) indexes
    /// <paramref name="personFilms"/>, and the arrays are kept, not copied. The film side is derived here.
    /// </summary>
    public static CentreGraph FromPersonRows(int films, int[] personOffsets, int[] personFilms, Func<int, string> personId)
    {
        ArgumentNullException.ThrowIfNull(personOffsets);
        ArgumentNullException.ThrowIfNull(personFilms);
        var people = personOffsets.Length - 1;
        var filmOffsets = new int[films + 1];
        foreach (var f in personFilms) filmOffsets[f + 1]++;
        for (var f = 0; f < films; f++) filmOffsets[f + 1] += filmOffsets[f];
        var fill = filmOffsets[..^1];
        var filmPeople = new int[personFilms.Length];
        for (var p = 0; p < people; p++)
            for (var i = personOffsets[p]; i < personOffsets[p + 1]; i++)
                filmPeople[fill[personFilms[i]]++] = p;
        return new CentreGraph(people, films, personOffsets, personFilms, filmOffsets, filmPeople, personId);
    }

    /// <summary>Builds the rows from (person, film) pairs, each a relationship of one of the via types.</summary>
    public static CentreGraph FromPairs(int people, int films, IReadOnlyList<(int Person, int Film)> pairs, Func<int, string> personId)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var offsets = new int[people + 1];
        foreach (var (p, _) in pairs) offsets[p + 1]++;
        for (var p = 0; p < people; p++) offsets[p + 1] += offsets[p];
        var fill = offsets[..^1];
        var rows = new int[pairs.Count];
        foreach (var (p, f) in pairs) rows[fill[p]++] = f;
        return FromPersonRows(films, offsets, rows, personId);
    }
}
