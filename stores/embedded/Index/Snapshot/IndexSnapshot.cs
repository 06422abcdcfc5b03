using FilmGraph.Core;

namespace FilmGraph.Store.Embedded.Index.Snapshot;

/// <summary>
/// The in-memory index saved beside the store file (<c>store.db.index</c>), so that a process starts by reading a few
/// arrays instead of rebuilding them from millions of rows. A snapshot holds exactly what building from the file
/// gives: nodes, every node's neighbours merged and in order, and the name index built afresh when the one in memory
/// carries recent nodes. It is a cache: when it is missing, stale, of another format or damaged, the store builds
/// from the file instead and says why.
/// </summary>
internal static class IndexSnapshot
{
    public static string PathFor(string storePath) => storePath + ".index";

    /// <summary>
    /// Saves <paramref name="index"/> as the snapshot at <paramref name="path"/>, waiting for each of its parts after the
    /// nodes only when that part's sections are written.
    /// </summary>
    public static void Write(string path, PendingIndex index, string identity)
    {
        var nodes = index.Nodes;
        using var writer = new SnapshotWriter(path);

        writer.Begin(SnapshotFormat.Stamp);
        writer.String(identity);
        writer.Int64(index.Generation);
        writer.Int64(nodes.Count);
        writer.End();

        writer.Begin(SnapshotFormat.Nodes);
        var parts = nodes.Parts();
        writer.Array<byte>(parts.Kinds.AsSpan(0, nodes.Count));
        writer.Array<int>(parts.Years.AsSpan(0, nodes.Count));
        WriteColumn(writer, parts.Ids, nodes.Count);
        WriteColumn(writer, parts.Labels, nodes.Count);
        writer.Array(parts.ById!.Slots.Span);
        var aliased = parts.Aliases.OrderBy(a => a.Key).ToList();
        writer.Array<int>(aliased.Select(a => a.Key).ToArray());
        writer.Array<int>(aliased.Select(a => a.Value.Length).ToArray());
        var aliases = aliased.SelectMany(a => a.Value).ToList();
        WriteColumn(writer, TextColumn.Empty(0, 0).Append(0, aliases), aliases.Count);
        writer.End();

        var rows = index.Relationships.GetAwaiter().GetResult();
        writer.Begin(SnapshotFormat.Adjacency);
        var asBuilt = WriteAdjacency(writer, rows.Adjacency, nodes.Count);
        writer.End();

        writer.Begin(SnapshotFormat.Order);
        writer.Array<int>(rows.Order is { } order && order.Count == nodes.Count ? order.Ranks : IdOrder.Build(nodes).Ranks);
        writer.End();

        // The roles line up with the rows as built; rows saved with an overlay merged in would not match them.
        if (asBuilt && rows.Roles is { } roles)
        {
            writer.Begin(SnapshotFormat.Roles);
            writer.Array<byte>(roles.TextBytes);
            writer.Array<int>(roles.Starts);
            for (var t = 0; t < Adjacency.TypeCount; t++)
            {
                writer.Int64(roles.Ids[t] is null ? 0 : 1);
                if (roles.Ids[t] is { } ids) writer.Array<int>(ids);
            }
            writer.End();
        }

        var names = index.Names.GetAwaiter().GetResult();
        writer.Begin(SnapshotFormat.Names);
        var flat = (names.RecentCount == 0 ? names : NameIndex.Build(nodes)).Parts();
        writer.Array<char>(flat.WordChars);
        writer.Array<int>(flat.WordStarts);
        writer.Array<int>(flat.PostingStarts);
        writer.Array<int>(flat.Postings);
        writer.End();

        writer.Commit();
    }

    private static void WriteColumn(SnapshotWriter writer, TextColumn column, int count)
    {
        var (bytes, starts) = column.Used(count);
        writer.Array(bytes.Span);
        writer.Array(starts.Span);
    }

    /// <summary>
    /// The rows as they are when there is no overlay and they cover every node; otherwise streamed node by node with
    /// the overlay merged in, so the snapshot equals a build from the file without copying the whole index first.
    /// </summary>
    /// <returns>True when the rows were saved as built (no overlay merged in).</returns>
    private static bool WriteAdjacency(SnapshotWriter writer, Adjacency adjacency, int nodeCount)
    {
        writer.Int64(nodeCount);
        if (adjacency.Parts() is { } parts && parts.BaseNodes == nodeCount)
        {
            for (var s = 0; s < Adjacency.SlotCount; s++)
            {
                writer.Int64(parts.Lows[s]);
                writer.Array<int>(parts.Offsets[s]);
                writer.Array<int>(parts.Targets[s]);
            }
            return true;
        }
        var offsets = new int[nodeCount + 1];
        for (var s = 0; s < Adjacency.SlotCount; s++)
        {
            for (var n = 0; n < nodeCount; n++) offsets[n + 1] = offsets[n] + adjacency.Degree(s, n);
            // The slot's range as a build makes it, from the first node with neighbours there to the last; every offset
            // up to the first is 0, so the range's offsets are these as they are.
            var (low, high) = (0, nodeCount);
            while (low < high && offsets[low + 1] == 0) low++;
            while (high > low && offsets[high - 1] == offsets[nodeCount]) high--;
            if (low == high) low = high = 0;
            writer.Int64(low);
            writer.Array<int>(offsets.AsSpan(low, high - low + 1));
            writer.ArrayHeader(offsets[nodeCount]);
            for (var n = low; n < high; n++)
            {
                adjacency.Neighbours(s, n, out var rows, out var recent);
                if (recent.IsEmpty) writer.Elements(rows);
                else writer.Elements<int>(adjacency.Merged(s, n));
            }
        }
        return false;
    }

    /// <summary>
    /// The stamp of the snapshot at <paramref name="path"/> (its header and stamp section checked), or null when there
    /// is none that can be read; for deciding whether the one on disk is current.
    /// </summary>
    public static SnapshotStamp? StampOf(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            using var reader = new SnapshotReader(path);
            return ReadStamp(reader);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static SnapshotStamp ReadStamp(SnapshotReader reader)
    {
        var section = reader.Open(SnapshotFormat.Stamp);
        var stamp = new SnapshotStamp(section.String(), section.Int64(), section.Int32Count(1 << 28));
        section.End();
        return stamp;
    }

    /// <summary>
    /// The index saved at <paramref name="path"/> when it holds the file whose stamp is <paramref name="file"/>;
    /// otherwise null and, in <paramref name="why"/>, the reason to build from the file instead.
    /// </summary>
    public static GraphIndex? TryRead(string path, SnapshotStamp file, long dataVersion, out string why)
    {
        if (!File.Exists(path))
        {
            why = "there is no snapshot";
            return null;
        }
        try
        {
            using var reader = new SnapshotReader(path);
            var stamp = ReadStamp(reader);
            if (stamp.Mismatch(file) is { } mismatch)
            {
                why = $"the snapshot is stale: {mismatch}";
                return null;
            }
            var index = Read(reader, stamp, dataVersion);
            why = "";
            return index;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException or IndexOutOfRangeException or OverflowException)
        {
            why = $"the snapshot cannot be used: {e.Message}";
            return null;
        }
    }

    private static GraphIndex Read(SnapshotReader reader, SnapshotStamp stamp, long dataVersion)
    {
        var count = stamp.Nodes;
        // The sections are independent and the reads positional: the rows and the names are read on other cores.
        var adjacency = Task.Run(() => ReadAdjacency(reader, count));
        var names = Task.Run(() => ReadNames(reader, count));
        var nodes = Task.Run(() => ReadNodes(reader, count));
        // Every read ends before the reader closes, whichever fails first; the first fault is the one reported.
        try
        {
            Task.WaitAll(nodes, adjacency, names);
        }
        catch (AggregateException e)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
        var order = reader.Has(SnapshotFormat.Order) ? ReadOrder(reader, count) : IdOrder.Build(nodes.Result);
        var roles = reader.Has(SnapshotFormat.Roles) ? ReadRoles(reader, adjacency.Result) : null;
        return new GraphIndex(nodes.Result, adjacency.Result, names.Result, dataVersion, stamp.Generation, order, roles);
    }

    private static IdOrder ReadOrder(SnapshotReader reader, int count)
    {
        var section = reader.Open(SnapshotFormat.Order);
        var ranks = section.Array<int>();
        section.End();
        if (ranks.Length != count) throw new InvalidDataException("its id order disagrees with its stamp on the number of nodes");
        return new IdOrder(ranks);
    }

    /// <summary>The roles, checked to line up with the rows read: one role number per incoming row of each type, each in the table.</summary>
    private static EdgeRoles ReadRoles(SnapshotReader reader, Adjacency adjacency)
    {
        var section = reader.Open(SnapshotFormat.Roles);
        var text = section.Array<byte>();
        var starts = section.Array<int>();
        var ids = new int[]?[Adjacency.TypeCount];
        for (var t = 0; t < Adjacency.TypeCount; t++)
            if (section.Int64() != 0) ids[t] = section.Array<int>();
        section.End();
        if (starts.Length == 0 || starts[0] != 0 || starts[^1] != text.Length) throw new InvalidDataException("its role table is not well formed");
        for (var r = 1; r < starts.Length; r++)
            if (starts[r] < starts[r - 1]) throw new InvalidDataException("its role table is not well formed");
        var parts = adjacency.Parts() ?? throw new InvalidDataException("its roles come without rows as built");
        for (var t = 0; t < Adjacency.TypeCount; t++)
        {
            if (ids[t] is not { } column) continue;
            if (column.Length != parts.Targets[Adjacency.Slot((RelationshipType)t, Direction.In)].Length)
                throw new InvalidDataException($"its roles of {(RelationshipType)t} do not line up with its rows");
            foreach (var id in column)
                if ((uint)id >= (uint)starts.Length) throw new InvalidDataException("its roles name a role the table lacks");
        }
        return new EdgeRoles(text, starts, ids);
    }

    private static NodeTable ReadNodes(SnapshotReader reader, int count)
    {
        // Room to grow by an eighth before the first write copies an array; pages never written are never resident.
        var spare = Math.Max(1024, count / 8);
        var section = reader.Open(SnapshotFormat.Nodes);
        var kinds = section.Array<byte>(spare);
        var years = section.Array<int>(spare);
        var ids = ReadColumn(section, spare, 10);
        var labels = ReadColumn(section, spare, 16);
        var slots = section.Array<int>();
        var aliasNodes = section.Array<int>();
        var aliasCounts = section.Array<int>();
        var aliasText = ReadColumn(section, 0, 0);
        section.End();
        if (kinds.Length - spare != count || years.Length - spare != count) throw new InvalidDataException("its node section disagrees with its stamp on the number of nodes");
        var aliases = new Dictionary<int, string[]>();
        if (aliasNodes.Length != aliasCounts.Length) throw new InvalidDataException("its aliases are not well formed");
        var at = 0;
        for (var i = 0; i < aliasNodes.Length; i++)
        {
            if ((uint)aliasNodes[i] >= (uint)count || aliasCounts[i] <= 0) throw new InvalidDataException("its aliases are not well formed");
            var list = new string[aliasCounts[i]];
            for (var k = 0; k < list.Length; k++) list[k] = aliasText.Text(at++);
            aliases[aliasNodes[i]] = list;
        }
        return NodeTable.FromParts(new NodeTableParts(count, ids, labels, kinds, years, new IdHash(slots), aliases));
    }

    private static Adjacency ReadAdjacency(SnapshotReader reader, int count)
    {
        var section = reader.Open(SnapshotFormat.Adjacency);
        var baseNodes = section.Int32Count(count);
        var lows = new int[Adjacency.SlotCount];
        var offsets = new int[Adjacency.SlotCount][];
        var targets = new int[Adjacency.SlotCount][];
        for (var s = 0; s < Adjacency.SlotCount; s++)
        {
            lows[s] = section.Int32Count(baseNodes);
            offsets[s] = section.Array<int>();
            targets[s] = section.Array<int>();
        }
        section.End();
        return Adjacency.FromParts(new AdjacencyParts(offsets, lows, targets, baseNodes));
    }

    private static NameIndex ReadNames(SnapshotReader reader, int count)
    {
        var section = reader.Open(SnapshotFormat.Names);
        var parts = new NameIndexParts(section.Array<char>(), section.Array<int>(), section.Array<int>(), section.Array<int>());
        section.End();
        return NameIndex.FromParts(parts, count);
    }

    private static TextColumn ReadColumn(SnapshotReader.Section section, int spare, int bytesEach)
    {
        var bytes = section.Array<byte>(spare * bytesEach);
        var starts = section.Array<int>(spare);
        return new TextColumn(bytes, starts);
    }
}
