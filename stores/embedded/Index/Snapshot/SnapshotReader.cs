using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace FilmGraph.Store.Embedded.Index.Snapshot;

/// <summary>
/// Reads a snapshot file (<see cref="SnapshotFormat"/>): the header is checked whole when opened, and each section's
/// values are read straight into their arrays with large positional reads, hashed on the way, and the hash compared
/// when the section ends. Every fault is an <see cref="InvalidDataException"/> saying what was wrong.
/// </summary>
internal sealed class SnapshotReader : IDisposable
{
    private readonly SafeFileHandle _handle;
    private readonly Dictionary<uint, (long Offset, long Length, ulong Hash)> _sections = [];

    public string Path { get; }

    public SnapshotReader(string path)
    {
        Path = path;
        _handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        try
        {
            ReadHeader();
        }
        catch
        {
            _handle.Dispose();
            throw;
        }
    }

    private void ReadHeader()
    {
        var length = RandomAccess.GetLength(_handle);
        if (length < SnapshotFormat.HeaderBytes) throw new InvalidDataException($"it is {length} bytes long, shorter than its header");
        var header = new byte[SnapshotFormat.HeaderBytes];
        ReadExactly(header, 0);
        if (!header.AsSpan(0, 8).SequenceEqual(SnapshotFormat.Magic)) throw new InvalidDataException("it is not an index snapshot");
        var version = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(8));
        if (version != SnapshotFormat.Version) throw new InvalidDataException($"it has format version {version}; this FilmGraph reads {SnapshotFormat.Version}");
        var hash = BinaryPrimitives.ReadUInt64LittleEndian(header.AsSpan(SnapshotFormat.HeaderBytes - 8));
        if (XxHash3.HashToUInt64(header.AsSpan(0, SnapshotFormat.HeaderBytes - 8)) != hash) throw new InvalidDataException("its header does not match its checksum");
        var count = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(12));
        if (count is < 0 or > SnapshotFormat.MaxSections) throw new InvalidDataException($"it claims {count} sections");
        for (var i = 0; i < count; i++)
        {
            var entry = header.AsSpan(16 + i * SnapshotFormat.EntryBytes);
            var tag = BinaryPrimitives.ReadUInt32LittleEndian(entry);
            var offset = BinaryPrimitives.ReadInt64LittleEndian(entry[8..]);
            var size = BinaryPrimitives.ReadInt64LittleEndian(entry[16..]);
            if (offset < SnapshotFormat.HeaderBytes || size < 0 || offset + size > length)
                throw new InvalidDataException($"its section {SnapshotFormat.Name(tag)} lies beyond its {length} bytes (the file is cut short)");
            _sections[tag] = (offset, size, BinaryPrimitives.ReadUInt64LittleEndian(entry[24..]));
        }
    }

    public bool Has(uint tag) => _sections.ContainsKey(tag);

    /// <summary>Where a section lies in the file.</summary>
    public (long Offset, long Length) Extent(uint tag) =>
        _sections.TryGetValue(tag, out var s) ? (s.Offset, s.Length) : throw new InvalidDataException($"it has no {SnapshotFormat.Name(tag)} section");

    public Section Open(uint tag) =>
        _sections.TryGetValue(tag, out var s) ? new Section(this, SnapshotFormat.Name(tag), s.Offset, s.Offset + s.Length, s.Hash)
            : throw new InvalidDataException($"it has no {SnapshotFormat.Name(tag)} section");

    private void ReadExactly(Span<byte> into, long offset)
    {
        while (!into.IsEmpty)
        {
            var read = RandomAccess.Read(_handle, into, offset);
            if (read == 0) throw new InvalidDataException("it ended early");
            into = into[read..];
            offset += read;
        }
    }

    public void Dispose() => _handle.Dispose();

    /// <summary>One section's values, read in the order they were written; <see cref="End"/> checks the hash.</summary>
    internal sealed class Section(SnapshotReader reader, string name, long at, long end, ulong expected)
    {
        private readonly XxHash3 _hash = new();
        private long _at = at;

        public long Int64()
        {
            Span<byte> bytes = stackalloc byte[8];
            Read(bytes);
            return BinaryPrimitives.ReadInt64LittleEndian(bytes);
        }

        public int Int32Count(long limit)
        {
            var count = Int64();
            if (count < 0 || count > limit) throw new InvalidDataException($"its {name} section holds a count of {count}, out of range");
            return (int)count;
        }

        public string String()
        {
            var bytes = new byte[Int32Count(end - _at)];
            Read(bytes);
            return Encoding.UTF8.GetString(bytes);
        }

        /// <summary>An array read into one allocation, with room left for <paramref name="spare"/> more elements after it.</summary>
        public T[] Array<T>(int spare = 0) where T : unmanaged
        {
            var size = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
            var count = Int32Count((end - _at) / size);
            var array = GC.AllocateUninitializedArray<T>(count + spare);
            Read(MemoryMarshal.AsBytes(array.AsSpan(0, count)));
            if (spare > 0) array.AsSpan(count).Clear();
            return array;
        }

        private void Read(Span<byte> into)
        {
            if (into.Length > end - _at) throw new InvalidDataException($"its {name} section ends before its values do");
            reader.ReadExactly(into, _at);
            _hash.Append(into);
            _at += into.Length;
        }

        public void End()
        {
            if (_at != end) throw new InvalidDataException($"its {name} section has {end - _at} bytes more than its values");
            if (_hash.GetCurrentHashAsUInt64() != expected) throw new InvalidDataException($"its {name} section does not match its checksum");
        }
    }
}
