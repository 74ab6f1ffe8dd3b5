using System.Diagnostics;
using ActorExec.Actors;

namespace ActorExec.Bench.Kernel;

/// <summary>N independent pairs of actors bouncing one message each; counts messages in both directions.</summary>
internal static class PingPong
{
    private sealed class Ball
    {
        public static readonly Ball Instance = new();
    }

    private sealed record Serve(IActorRef Partner);

    private sealed class Player : ReceiveActor
    {
        private readonly int _toReceive;
        private readonly TaskCompletionSource? _done;
        private int _received;

        public Player(int toReceive, TaskCompletionSource? done)
        {
            _toReceive = toReceive;
            _done = done;
            Receive<Ball>(OnBall);
            Receive<Serve>(serve => serve.Partner.Tell(Ball.Instance, Self));
        }

        private void OnBall(Ball ball)
        {
            if (++_received == _toReceive && _done is not null)
                _done.TrySetResult();
            else
                Sender.Tell(ball, Self);
        }
    }

    /// <summary>Messages per second over all pairs.</summary>
    public static async Task<double> RunAsync(ActorSystem system, int pairs, int messagesPerPair)
    {
        var done = new List<Task>();
        var servers = new List<(IActorRef Server, IActorRef Partner)>();
        for (var i = 0; i < pairs; i++)
        {
            var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            done.Add(finished.Task);
            var server = system.ActorOf(Props.Create(() => new Player(messagesPerPair / 2, finished)));
            var partner = system.ActorOf(Props.Create(() => new Player(int.MaxValue, null)));
            servers.Add((server, partner));
        }

        var started = Stopwatch.GetTimestamp();
        foreach (var (server, partner) in servers)
            server.Tell(new Serve(partner), null);
        await Task.WhenAll(done);
        var elapsed = Stopwatch.GetElapsedTime(started);

        foreach (var (server, partner) in servers)
        {
            system.Stop(server);
            system.Stop(partner);
        }
        return pairs * (double)messagesPerPair / elapsed.TotalSeconds;
    }
}
