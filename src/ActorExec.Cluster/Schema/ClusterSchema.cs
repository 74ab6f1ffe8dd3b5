using System.Globalization;
using ActorExec.Cluster.Internal;
using Npgsql;

namespace ActorExec.Cluster.Schema;

/// <summary>
/// Creates the cluster's tables in the configured schema and checks this node agrees with the cluster
/// stored there. Idempotent and safe when several nodes start at once: everything runs in one
/// transaction under an advisory lock.
/// </summary>
public sealed class ClusterSchema
{
    /// <summary>The <c>cluster_settings</c> key holding the shard count, written once when the cluster is created.</summary>
    public const string ShardCountKey = "shard_count";

    /// <summary>The <c>cluster_settings</c> key holding the version of these tables.</summary>
    public const string SchemaVersionKey = "schema_version";

    /// <summary>The version of the tables this build creates and understands.</summary>
    public const int SchemaVersion = 1;

    private readonly NpgsqlDataSource _dataSource;
    private readonly ClusterOptions _options;
    private readonly ClusterTables _tables;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _ready;

    /// <summary>A schema manager for the cluster in <see cref="ClusterOptions.Schema"/> of the data source's database.</summary>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public ClusterSchema(NpgsqlDataSource dataSource, ClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(options);
        _dataSource = dataSource;
        _options = options.Validate();
        _tables = new ClusterTables(options.Schema);
    }

    /// <summary>
    /// Creates what is missing (schema, tables, one lease row per shard), stores the shard count when the
    /// cluster is new, and checks it otherwise. Once it succeeded, later calls return at once.
    /// </summary>
    /// <exception cref="ClusterConfigurationException">The cluster was created with another shard count, or by a newer build.</exception>
    /// <exception cref="InvalidOperationException">The database cannot be reached or the tables cannot be created, with the reason.</exception>
    public async Task EnsureAsync(CancellationToken cancellationToken = default)
    {
        if (_ready)
            return;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_ready)
            {
                await CreateAsync(cancellationToken).ConfigureAwait(false);
                _ready = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task CreateAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            // The same lock the SQL journal's migrator takes for this schema, so a journal and the
            // cluster sharing a schema do not race to create it either.
            await using (var lockCommand = Sql.Command(connection, transaction, "SELECT pg_advisory_xact_lock(hashtext('actorexec-migrations:' || @schema))")
                .With("schema", _tables.Schema))
                await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

            await Sql.ExecuteAsync(connection, transaction, CreateTablesSql(_tables), cancellationToken).ConfigureAwait(false);
            var settings = await ReadOrStoreSettingsAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            CheckAgreement(settings);

            await using (var shards = Sql.Command(connection, transaction,
                $"INSERT INTO {_tables.Leases} (shard_id) SELECT generate_series(0, @count - 1) ON CONFLICT (shard_id) DO NOTHING")
                .With("count", _options.ShardCount))
                await shards.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException e)
        {
            throw new InvalidOperationException($"Cannot create the cluster tables in schema {_tables.Schema}: {e.Message}", e);
        }
    }

    private async Task<Dictionary<string, string>> ReadOrStoreSettingsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, transaction, $"""
            INSERT INTO {_tables.Settings} (key, value) VALUES (@countKey, @count), (@versionKey, @version) ON CONFLICT (key) DO NOTHING;
            SELECT key, value FROM {_tables.Settings} WHERE key IN (@countKey, @versionKey);
            """)
            .With("countKey", ShardCountKey)
            .With("count", _options.ShardCount.ToString(CultureInfo.InvariantCulture))
            .With("versionKey", SchemaVersionKey)
            .With("version", SchemaVersion.ToString(CultureInfo.InvariantCulture));
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            settings[reader.GetString(0)] = reader.GetString(1);
        return settings;
    }

    private void CheckAgreement(Dictionary<string, string> settings)
    {
        var schema = _tables.Schema;
        if (!int.TryParse(settings.GetValueOrDefault(SchemaVersionKey), NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version > SchemaVersion)
            throw new ClusterConfigurationException(
                $"The cluster in schema {schema} has tables of version '{settings.GetValueOrDefault(SchemaVersionKey)}'; this build knows version {SchemaVersion}. Upgrade this node or use another schema");
        var stored = settings.GetValueOrDefault(ShardCountKey);
        if (!int.TryParse(stored, NumberStyles.None, CultureInfo.InvariantCulture, out var shardCount))
            throw new ClusterConfigurationException(
                $"The cluster in schema {schema} stores shard count '{stored}' in {_tables.Settings}, which is not a number; fix the row or use another schema");
        if (shardCount != _options.ShardCount)
            throw new ClusterConfigurationException(
                $"The cluster in schema {schema} was created with {shardCount} shards; this node is configured with {_options.ShardCount} (ClusterOptions.ShardCount). " +
                "The shard count never changes for the life of a cluster");
    }

    private static string CreateTablesSql(ClusterTables t) => $"""
        CREATE SCHEMA IF NOT EXISTS {t.Schema};
        CREATE TABLE IF NOT EXISTS {t.Settings} (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL);
        CREATE SEQUENCE IF NOT EXISTS {t.Incarnations};
        CREATE TABLE IF NOT EXISTS {t.Nodes} (
            node_id TEXT NOT NULL,
            incarnation BIGINT PRIMARY KEY DEFAULT nextval('{t.Incarnations}'),
            address TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('up', 'leaving', 'left', 'dead')),
            joined_at TIMESTAMPTZ NOT NULL,
            heartbeat_at TIMESTAMPTZ NOT NULL,
            left_at TIMESTAMPTZ NULL,
            reason TEXT NULL);
        CREATE INDEX IF NOT EXISTS cluster_nodes_node_id ON {t.Nodes} (node_id);
        CREATE INDEX IF NOT EXISTS cluster_nodes_live ON {t.Nodes} (heartbeat_at) WHERE status IN ('up', 'leaving');
        CREATE TABLE IF NOT EXISTS {t.Leases} (
            shard_id INTEGER PRIMARY KEY,
            owner_node TEXT NULL,
            owner_incarnation BIGINT NULL REFERENCES {t.Nodes} (incarnation),
            epoch BIGINT NOT NULL DEFAULT 0,
            expires_at TIMESTAMPTZ NULL,
            acquired_at TIMESTAMPTZ NULL);
        CREATE INDEX IF NOT EXISTS shard_leases_owner ON {t.Leases} (owner_incarnation);
        CREATE TABLE IF NOT EXISTS {t.InboxHeads} (
            target TEXT PRIMARY KEY,
            last_position BIGINT NOT NULL);
        CREATE TABLE IF NOT EXISTS {t.Inbox} (
            target TEXT NOT NULL,
            position BIGINT NOT NULL,
            recipient TEXT NOT NULL,
            manifest TEXT NOT NULL,
            payload TEXT NOT NULL,
            reply_to TEXT NULL,
            sender_node TEXT NOT NULL,
            enqueued_at TIMESTAMPTZ NOT NULL DEFAULT now(),
            PRIMARY KEY (target, position));
        CREATE TABLE IF NOT EXISTS {t.InboxCursors} (
            target TEXT PRIMARY KEY,
            consumed BIGINT NOT NULL);
        """;
}
