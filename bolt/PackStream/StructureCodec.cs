namespace FilmGraph.Bolt.PackStream;

/// <summary>STRUCTURE: a field count and a tag; the tag picks the codec that knows the fields.</summary>
internal static class StructureCodec
{
    public static object ReadBody(ref PackStreamReader reader, int fieldCount)
    {
        var tag = reader.ReadByte();
        reader.CheckCount(fieldCount, 1);
        reader.Enter();
        object value = tag switch
        {
            StructTags.Node => NodeCodec.Read(ref reader, fieldCount),
            StructTags.Relationship => RelationshipCodec.Read(ref reader, fieldCount),
            StructTags.UnboundRelationship => RelationshipCodec.ReadUnbound(ref reader, fieldCount).Unbound(),
            StructTags.Path => PathCodec.Read(ref reader, fieldCount),
            StructTags.Date => DateCodec.Read(ref reader, fieldCount),
            StructTags.Time => TimeCodec.Read(ref reader, fieldCount),
            StructTags.LocalTime => LocalTimeCodec.Read(ref reader, fieldCount),
            StructTags.DateTime => DateTimeCodec.Read(ref reader, fieldCount, utc: true),
            StructTags.LegacyDateTime => DateTimeCodec.Read(ref reader, fieldCount, utc: false),
            StructTags.DateTimeZoneId => ZonedDateTimeCodec.Read(ref reader, fieldCount, utc: true),
            StructTags.LegacyDateTimeZoneId => ZonedDateTimeCodec.Read(ref reader, fieldCount, utc: false),
            StructTags.LocalDateTime => LocalDateTimeCodec.Read(ref reader, fieldCount),
            StructTags.Duration => DurationCodec.Read(ref reader, fieldCount),
            StructTags.Point2D or StructTags.Point3D => PointCodec.Read(ref reader, fieldCount, tag),
            _ => throw reader.Malformed($"unknown structure tag 0x{tag:X2}"),
        };
        reader.Leave();
        return value;
    }

    public static void ExpectFields(ref PackStreamReader reader, int fieldCount, int expected, string name)
    {
        if (fieldCount != expected)
        {
            throw reader.Malformed($"{name} has {fieldCount} fields, expected {expected}");
        }
    }

    /// <summary>Legacy numeric ids: Bolt 5 may send null where the server has none.</summary>
    public static long ReadLegacyId(ref PackStreamReader reader)
    {
        if (reader.PeekByte() == Markers.Null)
        {
            reader.ReadByte();
            return -1;
        }
        return reader.ReadInteger();
    }

    public static List<string> ReadStringList(ref PackStreamReader reader)
    {
        var count = reader.ReadListHeader();
        reader.CheckCount(count, 1);
        var list = new List<string>(Math.Min(count, PackStreamReader.MaxPreallocated));
        for (var i = 0; i < count; i++)
        {
            list.Add(StringCodec.ReadKey(ref reader));
        }
        return list;
    }

    /// <summary>Converts an integer field to <see cref="int"/>, rejecting values that do not fit.</summary>
    public static int ToInt32(ref PackStreamReader reader, long value, string name) =>
        value is >= int.MinValue and <= int.MaxValue ? (int)value : throw reader.Malformed($"{name} {value} is out of range");
}
