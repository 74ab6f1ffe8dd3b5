using ActorExec.TestKit.Postgres;
using Npgsql;

namespace ActorExec.Persistence.Sql.Tests.Fixtures;

public sealed class PrivatePostgresSpec
{
    [Fact]
    public async Task Start_SharedServer_AcceptsConnections()
    {
        var server = await SharedPostgres.GetAsync();
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_setting('server_version_num')::int", connection);
        ((int)(await command.ExecuteScalarAsync())!).Should().BeGreaterThanOrEqualTo(120000);
    }

    [Fact]
    public async Task Start_WithConnectionStringVariable_UsesThatServer()
    {
        var server = await SharedPostgres.GetAsync();
        Environment.SetEnvironmentVariable(PrivatePostgres.ConnectionStringVariable, server.ConnectionString);
        try
        {
            await using var existing = await PrivatePostgres.StartAsync();
            existing.IsPrivate.Should().BeFalse();
            existing.ConnectionString.Should().Be(server.ConnectionString);
        }
        finally
        {
            Environment.SetEnvironmentVariable(PrivatePostgres.ConnectionStringVariable, null);
        }
    }
}
