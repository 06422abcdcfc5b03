namespace FilmGraph.Store.Embedded.Index;

/// <summary>What a <see cref="NameIndex"/> is made of: the words' characters and starts, and each word's nodes.</summary>
internal sealed record NameIndexParts(char[] WordChars, int[] WordStarts, int[] PostingStarts, int[] Postings);
