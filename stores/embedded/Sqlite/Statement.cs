using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace FilmGraph.Store.Embedded.Sqlite;

/// <summary>
/// A prepared statement used straight through SQLite's C interface, for the loops that run once per row of an
/// import: no parameter objects, no boxing, no data reader per execution. It runs inside whatever transaction
/// the connection has open.
/// </summary>
internal sealed class Statement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    // The statement's pointer, for the calls made once per row (NativeCalls); valid while _statement is not disposed.
    private readonly nint _raw;

    // Which parameters hold NULL now (every one, when prepared). Most properties of most rows are null; each call into
    // SQLite costs a handle reference and a mutex, so a NULL already bound is not bound again.
    private readonly bool[] _null;

    public Statement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
        _raw = _statement.DangerousGetHandle();
        _null = new bool[raw.sqlite3_bind_parameter_count(_statement) + 1];
        Array.Fill(_null, true);
    }

    public Statement Bind(int index, long? value)
    {
        if (value is long v) Check(NativeCalls.Direct ? NativeCalls.BindInt64(_raw, index, v) : raw.sqlite3_bind_int64(_statement, index, v));
        else if (!_null[index]) BindNull(index);
        _null[index] = value is null;
        return this;
    }

    public Statement Bind(int index, string? value)
    {
        if (value is not null) Check(NativeCalls.Direct ? NativeCalls.BindText(_raw, index, value) : raw.sqlite3_bind_text(_statement, index, value));
        else if (!_null[index]) BindNull(index);
        _null[index] = value is null;
        return this;
    }

    /// <summary>Executes and resets; returns the number of rows changed.</summary>
    public int Run()
    {
        Execute();
        return raw.sqlite3_changes(_db);
    }

    /// <summary>Executes and resets, for a statement whose effect is known when it does not fail (a plain insert).</summary>
    public void Execute()
    {
        int rc;
        if (NativeCalls.Direct)
        {
            rc = NativeCalls.Step(_raw);
            NativeCalls.Reset(_raw);
        }
        else
        {
            rc = raw.sqlite3_step(_statement);
            raw.sqlite3_reset(_statement);
        }
        if (rc != raw.SQLITE_DONE) throw Error(rc);
    }

    private void BindNull(int index) => Check(NativeCalls.Direct ? NativeCalls.BindNull(_raw, index) : raw.sqlite3_bind_null(_statement, index));

    /// <summary>Steps a query: true with a row to read, false (and reset for the next use) when it is done.</summary>
    public bool Next()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc == raw.SQLITE_ROW) return true;
        raw.sqlite3_reset(_statement);
        if (rc != raw.SQLITE_DONE) throw Error(rc);
        return false;
    }

    /// <summary>Abandons the rows not yet read.</summary>
    public void Reset() => raw.sqlite3_reset(_statement);

    public string? Text(int column) =>
        raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL ? null : raw.sqlite3_column_text(_statement, column).utf8_to_string();

    public int? Int(int column) =>
        raw.sqlite3_column_type(_statement, column) == raw.SQLITE_NULL ? null : raw.sqlite3_column_int(_statement, column);

    public void Dispose() => _statement.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) throw Error(rc);
    }

    private SqliteException Error(int rc) => new(raw.sqlite3_errmsg(_db).utf8_to_string(), rc);
}
