using Microsoft.Data.Sqlite;

namespace ActorExec.Persistence.Sql.Dialects;

/// <summary>
/// A connection that owns the journal writer's prepared statements (<see cref="SqliteWriteStatements"/>)
/// for as long as it is open.
/// </summary>
/// <remarks>
/// The statements are finalized when this connection closes, before the native connection goes back to
/// the pool, as Microsoft.Data.Sqlite does with its own commands. Keeping them with the pooled native
/// connection instead would leave a cleared pool's <c>sqlite3_close_v2</c> a zombie holding the file
/// (and its WAL) open until the garbage collector finalized the statements, or would finalize them from
/// another thread while the pool had handed the connection to someone else. The writer keeps its
/// connection open between batches, so the statements are still compiled once per writer connection.
/// </remarks>
internal sealed class SqliteJournalConnection(string connectionString) : SqliteConnection(connectionString)
{
    private SqliteWriteStatements? _writeStatements;

    public SqliteWriteStatements WriteStatements
        => _writeStatements ??= SqliteWriteStatements.Prepare(Handle ?? throw new InvalidOperationException("The SQLite connection is not open"));

    public override void Close()
    {
        _writeStatements?.Dispose();
        _writeStatements = null;
        base.Close();
    }
}
