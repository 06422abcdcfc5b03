namespace FilmGraph.Formats;

/// <summary>Every import reads its nodes before its relationships, so a relationship finds its ends already written.</summary>
internal enum ImportPhase { Nodes, Relationships }
