using Npgsql;

namespace ActorExec.Cluster.Internal;

/// <summary>Small helpers that keep the SQL of the cluster components readable.</summary>
internal static class Sql
{
    /// <summary>A command on the connection, enlisted in the transaction when there is one.</summary>
    public static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string text)
        => new(text, connection, transaction);

    /// <summary>Adds a typed parameter (named without the <c>@</c>) and returns the command.</summary>
    public static NpgsqlCommand With<T>(this NpgsqlCommand command, string name, T value)
    {
        command.Parameters.Add(new NpgsqlParameter<T>(name, value));
        return command;
    }

    /// <summary>A nullable <c>timestamptz</c> column as UTC.</summary>
    public static DateTimeOffset? NullableTimestamp(this NpgsqlDataReader reader, int ordinal)
        => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);

    /// <summary>A nullable <c>text</c> column.</summary>
    public static string? NullableString(this NpgsqlDataReader reader, int ordinal)
        => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>A nullable <c>bigint</c> column.</summary>
    public static long? NullableInt64(this NpgsqlDataReader reader, int ordinal)
        => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    /// <summary>Runs a statement that returns nothing of interest.</summary>
    public static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string text, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, text);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
