using System.Runtime.InteropServices;
using FilmGraph.Core;

namespace FilmGraph.Formats;

/// <summary>
/// The credits of the title being read. IMDb lists a title's principals together; a person with two rows of the
/// same kind on one title becomes one relationship (two characters become "A / B").
/// </summary>
internal sealed class TitleCredits(RecordSink sink)
{
    // Most titles list a handful of people, looked through in place; a long list gets an index.
    private const int Indexed = 16;

    private string _film = "";
    private readonly List<(Relationship Relationship, Origin Origin)> _credits = [];
    private readonly Dictionary<(RelationshipType, string), int> _index = [];

    public void Add(ReadOnlySpan<char> film, ReadOnlySpan<char> person, RelationshipType type, string? role, in Origin origin)
    {
        if (!film.SequenceEqual(_film))
        {
            Flush();
            _film = film.ToString();
        }
        var personId = person.ToString();
        var i = Find(type, personId);
        if (i >= 0)
        {
            var earlier = _credits[i].Relationship;
            var merged = Merge(earlier.Properties.Role, role);
            if (merged != earlier.Properties.Role)
                _credits[i] = (earlier with { Properties = earlier.Properties with { Role = merged } }, _credits[i].Origin);
            sink.Skip(RecordKind.Relationship, "another row for the same person, title and category (merged)", origin);
            return;
        }
        _credits.Add((new Relationship(type, personId, _film, role is null ? RelationshipProperties.None : new RelationshipProperties(Role: role)), origin));
        if (_credits.Count == Indexed)
            for (var c = 0; c < _credits.Count; c++) _index[(_credits[c].Relationship.Type, _credits[c].Relationship.From)] = c;
        else if (_credits.Count > Indexed) _index[(type, personId)] = _credits.Count - 1;
    }

    private int Find(RelationshipType type, string person)
    {
        if (_credits.Count >= Indexed) return _index.GetValueOrDefault((type, person), -1);
        for (var i = 0; i < _credits.Count; i++)
            if (_credits[i].Relationship.Type == type && _credits[i].Relationship.From == person) return i;
        return -1;
    }

    public void Flush()
    {
        sink.Credits(CollectionsMarshal.AsSpan(_credits));
        if (_credits.Count >= Indexed) _index.Clear();
        _credits.Clear();
    }

    private static string? Merge(string? earlier, string? later) =>
        earlier is null ? later : later is null || earlier.Split(" / ").Contains(later) ? earlier : $"{earlier} / {later}";
}
