using System.Globalization;
using Npgsql;

namespace ActorExec.Cluster;

/// <summary>How every connection of a cluster node (coordination and journal) must be configured.</summary>
public static class ClusterConnections
{
    /// <summary>
    /// The connection string with two server-side limits of one lease timeout each. A transaction left open
    /// by a paused process (SIGSTOP, a long GC) holds its lease rows' share locks; <c>idle_in_transaction_session_timeout</c>
    /// ends it, so the others can declare the process dead and take its shards over. <c>lock_timeout</c> keeps
    /// heartbeats, renewals and acquisitions from ever waiting longer than a lease on a lock.
    /// </summary>
    /// <exception cref="ArgumentException">The connection string cannot be parsed.</exception>
    public static string Harden(string connectionString, ClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var ms = ((long)options.LeaseTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        builder.Options = $"{builder.Options} -c idle_in_transaction_session_timeout={ms} -c lock_timeout={ms}".Trim();
        return builder.ConnectionString;
    }
}
