using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;

namespace FilmGraph.Store.Embedded.Index.Snapshot;

/// <summary>
/// Writes a snapshot file (<see cref="SnapshotFormat"/>) into a temporary file beside the target and renames it into
/// place only when it is whole and on disk, so a reader finds the old snapshot or the new one, never part of one.
/// Disposed without <see cref="Commit"/>, it removes the temporary file.
/// </summary>
internal sealed class SnapshotWriter : IDisposable
{
    private readonly string _path;
    private readonly string _temporary;
    private readonly FileStream _file;
    private readonly List<(uint Tag, long Offset, long Length, ulong Hash)> _sections = [];
    private readonly XxHash3 _hash = new();
    private uint? _open;
    private long _openedAt;
    private bool _committed;

    public SnapshotWriter(string path)
    {
        _path = path;
        _temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        _file = new FileStream(_temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
        _file.Write(new byte[SnapshotFormat.HeaderBytes]);
    }

    public void Begin(uint tag)
    {
        if (_open is not null) throw new InvalidOperationException("A section is already open.");
        if (_sections.Count == SnapshotFormat.MaxSections) throw new InvalidOperationException($"A snapshot holds at most {SnapshotFormat.MaxSections} sections.");
        _open = tag;
        _openedAt = _file.Position;
        _hash.Reset();
    }

    public void End()
    {
        var tag = _open ?? throw new InvalidOperationException("No section is open.");
        _sections.Add((tag, _openedAt, _file.Position - _openedAt, _hash.GetCurrentHashAsUInt64()));
        _open = null;
    }

    public void Int64(long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        Bytes(bytes);
    }

    public void String(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Int64(bytes.Length);
        Bytes(bytes);
    }

    public void Array<T>(ReadOnlySpan<T> values) where T : unmanaged
    {
        Int64(values.Length);
        Elements(values);
    }

    /// <summary>An array's count alone, its elements to follow through <see cref="Elements"/> in as many pieces as it takes.</summary>
    public void ArrayHeader(long count) => Int64(count);

    public void Elements<T>(ReadOnlySpan<T> values) where T : unmanaged => Bytes(MemoryMarshal.AsBytes(values));

    private void Bytes(ReadOnlySpan<byte> bytes)
    {
        if (_open is null) throw new InvalidOperationException("Values go inside a section.");
        _hash.Append(bytes);
        _file.Write(bytes);
    }

    /// <summary>Writes the header, forces the file to disk and renames it over the target.</summary>
    public void Commit()
    {
        if (_open is not null) throw new InvalidOperationException("A section is still open.");
        var header = new byte[SnapshotFormat.HeaderBytes];
        SnapshotFormat.Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(8), SnapshotFormat.Version);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(12), _sections.Count);
        for (var i = 0; i < _sections.Count; i++)
        {
            var entry = header.AsSpan(16 + i * SnapshotFormat.EntryBytes);
            var (tag, offset, length, hash) = _sections[i];
            BinaryPrimitives.WriteUInt32LittleEndian(entry, tag);
            BinaryPrimitives.WriteInt64LittleEndian(entry[8..], offset);
            BinaryPrimitives.WriteInt64LittleEndian(entry[16..], length);
            BinaryPrimitives.WriteUInt64LittleEndian(entry[24..], hash);
        }
        var body = header.AsSpan(0, SnapshotFormat.HeaderBytes - 8);
        BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(SnapshotFormat.HeaderBytes - 8), XxHash3.HashToUInt64(body));
        _file.Position = 0;
        _file.Write(header);
        _file.Flush(flushToDisk: true);
        _file.Dispose();
        File.Move(_temporary, _path, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        _file.Dispose();
        if (!_committed)
        {
            try { File.Delete(_temporary); }
            catch (IOException) { /* left for the next writer's folder to carry; it is never read */ }
        }
    }
}
