using FilmGraph.Core;
using FilmGraph.Store.Embedded.Index;
using SQLitePCL;

namespace FilmGraph.Store.Embedded.Sqlite;

/// <summary>Reads every relationship's role in primary key order, for <see cref="EdgeRoles"/>.</summary>
internal static class RoleRows
{
    public static EdgeRoles.Builder Read(sqlite3 handle)
    {
        var builder = new EdgeRoles.Builder();
        IndexLoader.Step(handle, "SELECT dst, type, src, role FROM edges ORDER BY dst, type, src", statement =>
            builder.Add(raw.sqlite3_column_int(statement, 2) - 1, (RelationshipType)raw.sqlite3_column_int(statement, 1),
                raw.sqlite3_column_int(statement, 0) - 1,
                raw.sqlite3_column_type(statement, 3) == raw.SQLITE_NULL ? null : raw.sqlite3_column_text(statement, 3).utf8_to_string()));
        return builder;
    }
}
