using System.Buffers.Binary;

namespace FilmGraph.Bolt.PackStream;

/// <summary>
/// Decodes PackStream from one complete message held in memory. Every length is checked against
/// the bytes that remain before anything is allocated, so a hostile peer cannot make it hang or
/// allocate more than the message it already sent.
/// </summary>
internal ref struct PackStreamReader
{
    public const int DefaultMaxDepth = 64;

    /// <summary>
    /// Containers start at most this large and grow as items really arrive, so a count of many
    /// one-byte items cannot make the reader reserve many times the message's size up front.
    /// </summary>
    public const int MaxPreallocated = 1024;

    private readonly ReadOnlySpan<byte> _data;
    private int _position;
    private int _depth;

    public PackStreamReader(ReadOnlySpan<byte> data, int maxDepth = DefaultMaxDepth)
    {
        _data = data;
        MaxDepth = maxDepth;
    }

    public int MaxDepth { get; }

    public readonly int Position => _position;

    public readonly int Remaining => _data.Length - _position;

    public readonly bool AtEnd => _position == _data.Length;

    public byte ReadByte()
    {
        if (_position >= _data.Length)
        {
            throw Malformed("the value is cut short");
        }
        return _data[_position++];
    }

    public readonly byte PeekByte() => _position < _data.Length ? _data[_position] : throw Malformed("the value is cut short");

    public ReadOnlySpan<byte> ReadSpan(int count)
    {
        if (count < 0 || count > Remaining)
        {
            throw Malformed($"a length of {count} runs past the {Remaining} bytes left in the message");
        }
        var span = _data.Slice(_position, count);
        _position += count;
        return span;
    }

    public short ReadInt16() => BinaryPrimitives.ReadInt16BigEndian(ReadSpan(2));

    public int ReadInt32() => BinaryPrimitives.ReadInt32BigEndian(ReadSpan(4));

    public long ReadInt64() => BinaryPrimitives.ReadInt64BigEndian(ReadSpan(8));

    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16BigEndian(ReadSpan(2));

    /// <summary>Reads a 32-bit size and refuses one that cannot fit in what is left.</summary>
    public int ReadSize32()
    {
        var size = BinaryPrimitives.ReadUInt32BigEndian(ReadSpan(4));
        if (size > (uint)Remaining)
        {
            throw Malformed($"a length of {size} runs past the {Remaining} bytes left in the message");
        }
        return (int)size;
    }

    /// <summary>Checks that <paramref name="count"/> items of at least <paramref name="minBytesEach"/> bytes can exist.</summary>
    public readonly void CheckCount(int count, int minBytesEach)
    {
        if ((long)count * minBytesEach > Remaining)
        {
            throw Malformed($"a container claims {count} items but only {Remaining} bytes are left");
        }
    }

    public void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw Malformed($"values are nested deeper than {MaxDepth} levels");
        }
    }

    public void Leave() => _depth--;

    public readonly BoltProtocolException Malformed(string what) =>
        new($"Malformed PackStream at byte {_position}: {what}.");

    public object? ReadValue()
    {
        var marker = ReadByte();
        if (marker <= 0x7F || marker >= 0xF0)
        {
            return IntegerCodec.Box((sbyte)marker);
        }
        switch (marker >> 4)
        {
            case 0x8: return StringCodec.ReadBody(ref this, marker & 0x0F);
            case 0x9: return ListCodec.ReadBody(ref this, marker & 0x0F);
            case 0xA: return MapCodec.ReadBody(ref this, marker & 0x0F);
            case 0xB: return StructureCodec.ReadBody(ref this, marker & 0x0F);
        }
        return marker switch
        {
            Markers.Null => null,
            Markers.False => BooleanBoxes.False,
            Markers.True => BooleanBoxes.True,
            Markers.Float64 => FloatCodec.ReadBody(ref this),
            >= Markers.Int8 and <= Markers.Int64 => IntegerCodec.Box(IntegerCodec.ReadBody(ref this, marker)),
            >= Markers.Bytes8 and <= Markers.Bytes32 => BytesCodec.ReadBody(ref this, marker),
            >= Markers.String8 and <= Markers.String32 => StringCodec.ReadBody(ref this, StringCodec.ReadSize(ref this, marker)),
            >= Markers.List8 and <= Markers.List32 => ListCodec.ReadBody(ref this, ListCodec.ReadSize(ref this, marker)),
            >= Markers.Map8 and <= Markers.Map32 => MapCodec.ReadBody(ref this, MapCodec.ReadSize(ref this, marker)),
            _ => throw Malformed($"unknown marker 0x{marker:X2}"),
        };
    }

    public long ReadInteger()
    {
        var marker = ReadByte();
        if (marker <= 0x7F || marker >= 0xF0)
        {
            return (sbyte)marker;
        }
        if (marker is >= Markers.Int8 and <= Markers.Int64)
        {
            return IntegerCodec.ReadBody(ref this, marker);
        }
        throw Malformed($"expected an integer, found marker 0x{marker:X2}");
    }

    public string ReadString()
    {
        var marker = ReadByte();
        if (marker >> 4 == 0x8)
        {
            return StringCodec.ReadBody(ref this, marker & 0x0F);
        }
        if (marker is >= Markers.String8 and <= Markers.String32)
        {
            return StringCodec.ReadBody(ref this, StringCodec.ReadSize(ref this, marker));
        }
        throw Malformed($"expected a string, found marker 0x{marker:X2}");
    }

    public Dictionary<string, object?> ReadMap()
    {
        var marker = ReadByte();
        if (marker >> 4 == 0xA)
        {
            return MapCodec.ReadBody(ref this, marker & 0x0F);
        }
        if (marker is >= Markers.Map8 and <= Markers.Map32)
        {
            return MapCodec.ReadBody(ref this, MapCodec.ReadSize(ref this, marker));
        }
        throw Malformed($"expected a map, found marker 0x{marker:X2}");
    }

    public int ReadListHeader()
    {
        var marker = ReadByte();
        if (marker >> 4 == 0x9)
        {
            return marker & 0x0F;
        }
        if (marker is >= Markers.List8 and <= Markers.List32)
        {
            return ListCodec.ReadSize(ref this, marker);
        }
        throw Malformed($"expected a list, found marker 0x{marker:X2}");
    }

    public int ReadStructHeader(out byte tag)
    {
        var marker = ReadByte();
        if (marker >> 4 != 0xB)
        {
            throw Malformed($"expected a structure, found marker 0x{marker:X2}");
        }
        tag = ReadByte();
        return marker & 0x0F;
    }
}

internal static class BooleanBoxes
{
    public static readonly object True = true;
    public static readonly object False = false;
}
