using System.Security.Cryptography;
using System.Text;

namespace FilmGraph.Store.Embedded.Centres;

/// <summary>
/// Centres persisted beside the store file (<c>store.db.centres</c>), so a store that opens on the graph they were
/// computed for serves them at once. Layout: the 8 bytes <c>FGCENTRE</c>, the format version (int32), the payload's
/// length (int32) and its SHA-256, then the payload: the store's identity, and per via set its type mask, the
/// fingerprint of the relationships it was computed on, when, how many candidates, and the best (id, total distance,
/// reach count). Anything that does not check out is ignored and the centres are computed again.
/// <para>
/// The index snapshot (issue 12, item 2) can carry the same payload as one section: the fingerprint and identity
/// already say what it belongs to, so moving it there is a matter of calling <see cref="WritePayload"/> and
/// <see cref="ReadPayload"/> from the snapshot's writer and reader and deleting this file's framing.
/// </para>
/// </summary>
internal static class CentresFile
{
    public const int FormatVersion = 1;
    private static readonly byte[] Magic = "FGCENTRE"u8.ToArray();

    public sealed record Section(int ViaMask, ulong Fingerprint, DateTimeOffset ComputedAt, int Candidates, IReadOnlyList<(string Id, long Total, long Reach)> Best);

    public static string PathOf(string storePath) => storePath + ".centres";

    /// <summary>Writes the sections whole (to a temporary file moved over the old), so a reader never sees half of one.</summary>
    public static void Write(string path, string identity, IReadOnlyCollection<Section> sections)
    {
        using var payload = new MemoryStream();
        using (var w = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true)) WritePayload(w, identity, sections);
        var bytes = payload.ToArray();
        var temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var w = new BinaryWriter(file))
        {
            w.Write(Magic);
            w.Write(FormatVersion);
            w.Write(bytes.Length);
            w.Write(SHA256.HashData(bytes));
            w.Write(bytes);
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The sections in the file when it is whole and belongs to the store <paramref name="identity"/>; else null and why.</summary>
    public static IReadOnlyList<Section>? Read(string path, string identity, out string? problem)
    {
        var (sections, why) = TryRead(path, identity);
        problem = why is null ? null : $"{path} ignored: {why}.";
        return sections;
    }

    private static (IReadOnlyList<Section>? Sections, string? Why) TryRead(string path, string identity)
    {
        if (!File.Exists(path)) return (null, null);
        try
        {
            var data = File.ReadAllBytes(path);
            const int head = 8 + 4 + 4 + 32;
            if (data.Length < head || !data.AsSpan(0, 8).SequenceEqual(Magic)) return Fail("it is not a centres file");
            var version = BitConverter.ToInt32(data, 8);
            if (version != FormatVersion) return Fail($"it has format {version}, not {FormatVersion}");
            var length = BitConverter.ToInt32(data, 12);
            if (length < 0 || head + length != data.Length) return Fail("it is truncated");
            var payload = data.AsSpan(head, length);
            if (!SHA256.HashData(payload).AsSpan().SequenceEqual(data.AsSpan(16, 32))) return Fail("its checksum does not match");
            using var r = new BinaryReader(new MemoryStream(data, head, length), Encoding.UTF8);
            var (owner, sections) = ReadPayload(r);
            if (owner != identity) return Fail("it belongs to another store");
            return (sections, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or OverflowException or ArgumentException)
        {
            return Fail(e.Message);
        }

        static (IReadOnlyList<Section>?, string?) Fail(string why) => (null, why);
    }

    public static void WritePayload(BinaryWriter w, string identity, IReadOnlyCollection<Section> sections)
    {
        w.Write(identity);
        w.Write(sections.Count);
        foreach (var s in sections)
        {
            w.Write(s.ViaMask);
            w.Write(s.Fingerprint);
            w.Write(s.ComputedAt.UtcTicks);
            w.Write(s.Candidates);
            w.Write(s.Best.Count);
            foreach (var (id, total, reach) in s.Best)
            {
                w.Write(id);
                w.Write(total);
                w.Write(reach);
            }
        }
    }

    public static (string Identity, IReadOnlyList<Section> Sections) ReadPayload(BinaryReader r)
    {
        var identity = r.ReadString();
        var sections = new Section[r.ReadInt32()];
        for (var i = 0; i < sections.Length; i++)
        {
            var mask = r.ReadInt32();
            var fingerprint = r.ReadUInt64();
            var at = new DateTimeOffset(r.ReadInt64(), TimeSpan.Zero);
            var candidates = r.ReadInt32();
            var best = new (string, long, long)[r.ReadInt32()];
            for (var j = 0; j < best.Length; j++) best[j] = (r.ReadString(), r.ReadInt64(), r.ReadInt64());
            sections[i] = new Section(mask, fingerprint, at, candidates, best);
        }
        return (identity, sections);
    }
}
