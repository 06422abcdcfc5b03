using System.Buffers.Binary;
using System.Collections;
using FilmGraph.Bolt.Protocol;

namespace FilmGraph.Bolt.PackStream;

/// <summary>
/// Encodes .NET values as PackStream into a <see cref="WriteBuffer"/>. Which .NET type becomes
/// which PackStream value is decided in <see cref="WriteValue"/>; how each is laid out lives in
/// the codec of that value.
/// </summary>
internal readonly struct PackStreamWriter(WriteBuffer buffer, bool utcDateTime = true)
{
    public WriteBuffer Buffer { get; } = buffer;

    /// <summary>False on Bolt 4.4 without the "utc" patch, where date-times carry local seconds.</summary>
    public bool UtcDateTime { get; } = utcDateTime;

    public void WriteByte(byte value) => Buffer.WriteByte(value);

    public void WriteNull() => Buffer.WriteByte(Markers.Null);

    public void WriteBoolean(bool value) => Buffer.WriteByte(value ? Markers.True : Markers.False);

    public void WriteUInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(Buffer.GetSpan(2), value);
        Buffer.Advance(2);
    }

    public void WriteUInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(Buffer.GetSpan(4), value);
        Buffer.Advance(4);
    }

    public void WriteInt64(long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(Buffer.GetSpan(8), value);
        Buffer.Advance(8);
    }

    /// <summary>Writes the smallest of the three size forms a sized marker family offers.</summary>
    public void WriteSizedHeader(int size, byte tinyBase, byte marker8, byte marker16, byte marker32)
    {
        if (size < 16 && tinyBase != 0)
        {
            Buffer.WriteByte((byte)(tinyBase | size));
        }
        else if (size <= byte.MaxValue)
        {
            Buffer.WriteByte(marker8);
            Buffer.WriteByte((byte)size);
        }
        else if (size <= ushort.MaxValue)
        {
            Buffer.WriteByte(marker16);
            WriteUInt16((ushort)size);
        }
        else
        {
            Buffer.WriteByte(marker32);
            WriteUInt32((uint)size);
        }
    }

    public void WriteStructHeader(int fieldCount, byte tag)
    {
        Buffer.WriteByte((byte)(Markers.TinyStructBase | fieldCount));
        Buffer.WriteByte(tag);
    }

    public void WriteListHeader(int count) => ListCodec.WriteHeader(this, count);

    public void WriteMapHeader(int count) => MapCodec.WriteHeader(this, count);

    public void WriteInteger(long value) => IntegerCodec.Write(this, value);

    public void WriteString(string value) => StringCodec.Write(this, value);

    public void WriteValue(object? value)
    {
        switch (value)
        {
            case null: WriteNull(); break;
            case bool b: WriteBoolean(b); break;
            case long l: IntegerCodec.Write(this, l); break;
            case int i: IntegerCodec.Write(this, i); break;
            case short s: IntegerCodec.Write(this, s); break;
            case sbyte sb: IntegerCodec.Write(this, sb); break;
            case byte by: IntegerCodec.Write(this, by); break;
            case ushort us: IntegerCodec.Write(this, us); break;
            case uint ui: IntegerCodec.Write(this, ui); break;
            case ulong ul when ul <= long.MaxValue: IntegerCodec.Write(this, (long)ul); break;
            case double d: FloatCodec.Write(this, d); break;
            case float f: FloatCodec.Write(this, f); break;
            case decimal m: FloatCodec.Write(this, (double)m); break;
            case string str: StringCodec.Write(this, str); break;
            case char c: StringCodec.Write(this, c.ToString()); break;
            case Guid g: StringCodec.Write(this, g.ToString()); break;
            case Enum e: StringCodec.Write(this, e.ToString()); break;
            case byte[] bytes: BytesCodec.Write(this, bytes); break;
            case ReadOnlyMemory<byte> rom: BytesCodec.Write(this, rom.Span); break;
            case Memory<byte> mem: BytesCodec.Write(this, mem.Span); break;
            case DateOnly date: DateCodec.Write(this, date); break;
            case TimeOnly time: LocalTimeCodec.Write(this, time); break;
            case BoltTime time: TimeCodec.Write(this, time); break;
            case DateTime dt: DateTimeCodec.Write(this, dt); break;
            case DateTimeOffset dto: DateTimeCodec.Write(this, dto); break;
            case BoltZonedDateTime zoned: ZonedDateTimeCodec.Write(this, zoned); break;
            case BoltDuration duration: DurationCodec.Write(this, duration); break;
            case TimeSpan span: DurationCodec.Write(this, BoltDuration.FromTimeSpan(span)); break;
            case BoltPoint point: PointCodec.Write(this, point); break;
            case BoltNode or BoltRelationship or BoltPath:
                throw new BoltClientException("Nodes, relationships and paths cannot be sent as parameters; send their ids or properties.");
            case IReadOnlyDictionary<string, object?> map: MapCodec.Write(this, map); break;
            case IDictionary dictionary: MapCodec.Write(this, dictionary); break;
            case IEnumerable list: ListCodec.Write(this, list); break;
            default:
                throw new BoltClientException($"A value of type {value.GetType()} cannot be sent as a Bolt parameter.");
        }
    }
}
