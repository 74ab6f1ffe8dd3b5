
namespace ActorExec.TestKit.Postgres;

/// <summary>One private PostgreSQL server per test process (started on first use, stopped at exit); each test isolates itself in a schema of its own.</summary>
public static class SharedPostgres
{
    private static readonly Lazy<Task<PrivatePostgres>> Server = new(StartAsync);

    public static Task<PrivatePostgres> GetAsync() => Server.Value;

    /// <summary>A fresh schema name, so tests never see each other's rows.</summary>
    public static string NewSchema() => "t_" + Guid.NewGuid().ToString("N")[..20];

    private static async Task<PrivatePostgres> StartAsync()
    {
        var server = await PrivatePostgres.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(30));
        return server;
    }
}
