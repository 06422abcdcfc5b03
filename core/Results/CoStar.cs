namespace FilmGraph.Core;

/// <summary>Someone who shares films with a person, with those films in id order.</summary>
public sealed record CoStar(Person Person, IReadOnlyList<Film> SharedFilms);
