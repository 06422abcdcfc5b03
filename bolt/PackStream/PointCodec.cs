namespace FilmGraph.Bolt.PackStream;

/// <summary>Point2D (0x58: srid, x, y) and Point3D (0x59: srid, x, y, z), as <see cref="BoltPoint"/>.</summary>
internal static class PointCodec
{
    public static void Write(PackStreamWriter writer, BoltPoint value)
    {
        writer.WriteStructHeader(value.Z is null ? 3 : 4, value.Z is null ? StructTags.Point2D : StructTags.Point3D);
        writer.WriteInteger(value.Srid);
        FloatCodec.Write(writer, value.X);
        FloatCodec.Write(writer, value.Y);
        if (value.Z is { } z)
        {
            FloatCodec.Write(writer, z);
        }
    }

    public static object Read(ref PackStreamReader reader, int fieldCount, byte tag)
    {
        var is3D = tag == StructTags.Point3D;
        StructureCodec.ExpectFields(ref reader, fieldCount, is3D ? 4 : 3, is3D ? "Point3D" : "Point2D");
        var srid = StructureCodec.ToInt32(ref reader, reader.ReadInteger(), "srid");
        var x = FloatCodec.Read(ref reader);
        var y = FloatCodec.Read(ref reader);
        double? z = is3D ? FloatCodec.Read(ref reader) : null;
        return new BoltPoint(srid, x, y, z);
    }
}
