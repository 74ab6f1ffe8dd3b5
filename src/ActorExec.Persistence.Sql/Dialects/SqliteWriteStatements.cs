using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ActorExec.Persistence.Sql.Dialects;

/// <summary>
/// The journal's two insert statements, compiled once per connection and reused by every batch, driven
/// through SQLitePCL directly: binding through <see cref="SqliteCommand"/> parameters cost more CPU and
/// allocation per event than the insert itself, on the single writer every event goes through.
/// </summary>
internal sealed class SqliteWriteStatements : IDisposable
{
    private const string InsertEventSql =
        "INSERT INTO journal (persistence_id, sequence_nr, manifest, payload, tags, written_at, writer) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

    // last_insert_rowid() is the event's ordering until the next journal insert; tag rows live in a
    // WITHOUT ROWID table, so they do not change it.
    private const string InsertTagSql = "INSERT INTO journal_tags (tag, ordering) VALUES (?1, last_insert_rowid())";

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _insertEvent;
    private readonly sqlite3_stmt _insertTag;
    private byte[] _utf8 = new byte[4096];

    private SqliteWriteStatements(sqlite3 db, sqlite3_stmt insertEvent, sqlite3_stmt insertTag)
    {
        _db = db;
        _insertEvent = insertEvent;
        _insertTag = insertTag;
    }

    public static SqliteWriteStatements Prepare(sqlite3 db)
    {
        var insertEvent = Compile(db, InsertEventSql);
        try
        {
            return new SqliteWriteStatements(db, insertEvent, Compile(db, InsertTagSql));
        }
        catch
        {
            insertEvent.Dispose();
            throw;
        }
    }

    /// <summary>The writer's id is the same for every row: bound once, as bindings outlive a reset.</summary>
    public void BindWriter(string writerId) => Check(BindText(_insertEvent, 7, writerId), "binding the writer id");

    public void InsertEvent(string persistenceId, long sequenceNr, string manifest, string payload, string tags, long writtenAtMicros)
    {
        Check(BindText(_insertEvent, 1, persistenceId), "binding the persistence id");
        Check(raw.sqlite3_bind_int64(_insertEvent, 2, sequenceNr), "binding the sequence number");
        Check(BindText(_insertEvent, 3, manifest), "binding the manifest");
        Check(BindText(_insertEvent, 4, payload), "binding the payload");
        Check(BindText(_insertEvent, 5, tags), "binding the tags");
        Check(raw.sqlite3_bind_int64(_insertEvent, 6, writtenAtMicros), "binding the timestamp");
        Execute(_insertEvent, persistenceId, sequenceNr, "event");
    }

    /// <summary>Tags the event inserted last on this connection.</summary>
    public void InsertTag(string tag, string persistenceId, long sequenceNr)
    {
        Check(BindText(_insertTag, 1, tag), "binding the tag");
        Execute(_insertTag, persistenceId, sequenceNr, $"tag '{tag}' of event");
    }

    /// <summary>
    /// Binds the value's UTF-8 from one reused buffer: the <c>string</c> overload of <c>sqlite3_bind_text</c>
    /// allocates a copy per value, several per event. SQLite copies the bytes (SQLITE_TRANSIENT), so the
    /// buffer is free again as soon as the call returns.
    /// </summary>
    private int BindText(sqlite3_stmt statement, int index, string value)
    {
        // An empty span may pin as a null pointer, which SQLite binds as NULL, not ''.
        if (value.Length == 0)
            return raw.sqlite3_bind_text(statement, index, utf8z.FromSpan("\0"u8));
        var maxLength = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (maxLength > _utf8.Length)
            _utf8 = new byte[Math.Max(maxLength, 2 * _utf8.Length)];
        var length = Encoding.UTF8.GetBytes(value, _utf8);
        return raw.sqlite3_bind_text(statement, index, _utf8.AsSpan(0, length));
    }

    private void Execute(sqlite3_stmt statement, string persistenceId, long sequenceNr, string what)
    {
        var rc = raw.sqlite3_step(statement);
        if (rc == raw.SQLITE_DONE)
        {
            raw.sqlite3_reset(statement);
            return;
        }
        // Read the error before the reset, which is what leaves the statement reusable by the next batch.
        var failure = Failure(rc, $"inserting {what} {sequenceNr} of '{persistenceId}'");
        raw.sqlite3_reset(statement);
        throw failure;
    }

    private void Check(int rc, string what)
    {
        if (rc != raw.SQLITE_OK)
            throw Failure(rc, what);
    }

    /// <summary>The exception Microsoft.Data.Sqlite would throw, so unique violations are recognised alike.</summary>
    private SqliteException Failure(int rc, string what)
        => new($"SQLite Error {rc}: '{raw.sqlite3_errmsg(_db).utf8_to_string()}' {what}", rc & 0xFF, raw.sqlite3_extended_errcode(_db));

    private static sqlite3_stmt Compile(sqlite3 db, string sql)
    {
        var rc = raw.sqlite3_prepare_v2(db, sql, out var statement);
        if (rc == raw.SQLITE_OK)
            return statement;
        statement?.Dispose();
        throw new SqliteException($"SQLite Error {rc}: '{raw.sqlite3_errmsg(db).utf8_to_string()}' preparing {sql}", rc & 0xFF, raw.sqlite3_extended_errcode(db));
    }

    /// <summary>Finalizes the statements: before their connection closes, so the close is immediate (see <see cref="SqliteJournalConnection"/>).</summary>
    public void Dispose()
    {
        _insertEvent.Dispose();
        _insertTag.Dispose();
    }
}
