using System.Runtime.InteropServices;

namespace FilmGraph.Store.Embedded.Sqlite;

/// <summary>
/// SQLite's bind, step and reset called on the statement's pointer, for the loops that run once per row of an import.
/// Through SQLitePCL each call takes and releases a reference on the statement's safe handle and converts text to a
/// new UTF-8 array; at millions of rows that was a tenth of the writer's time. The library is the one SQLitePCL
/// loaded (e_sqlite3), so the pointers are the same; with another provider (<see cref="Direct"/> false) the calls go
/// through SQLitePCL as before. Binds do no I/O and return at once, so they skip the transition
/// to preemptive mode; step may read and write the file, and keeps it.
/// </summary>
internal static unsafe partial class NativeCalls
{
    private const string Library = "e_sqlite3";

    /// <summary>Whether SQLitePCL runs on the library these calls name, so that its pointers are valid here.</summary>
    public static readonly bool Direct = SQLitePCL.raw.GetNativeLibraryName() == Library;

    /// <summary>SQLITE_TRANSIENT: SQLite copies the text before the call returns.</summary>
    private static readonly nint Transient = -1;

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_int64")]
    [SuppressGCTransition]
    public static partial int BindInt64(nint statement, int index, long value);

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_null")]
    [SuppressGCTransition]
    public static partial int BindNull(nint statement, int index);

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_text16")]
    [SuppressGCTransition]
    private static partial int BindText16(nint statement, int index, char* text, int bytes, nint destructor);

    public static int BindText(nint statement, int index, string value)
    {
        fixed (char* text = value) return BindText16(statement, index, text, value.Length * sizeof(char), Transient);
    }

    [LibraryImport(Library, EntryPoint = "sqlite3_step")]
    public static partial int Step(nint statement);

    [LibraryImport(Library, EntryPoint = "sqlite3_reset")]
    public static partial int Reset(nint statement);
}
