namespace FilmGraph.Bolt;

/// <summary>A Cypher POINT. <see cref="Z"/> is null for 2D points.</summary>
public readonly record struct BoltPoint(int Srid, double X, double Y, double? Z = null)
{
    public const int Wgs84 = 4326;
    public const int Wgs84_3D = 4979;
    public const int Cartesian = 7203;
    public const int Cartesian3D = 9157;
}
