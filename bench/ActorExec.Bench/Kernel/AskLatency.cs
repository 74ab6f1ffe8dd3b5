using System.Diagnostics;
using ActorExec.Actors;

namespace ActorExec.Bench.Kernel;

/// <summary>Sequential Ask round trips against an echo actor; returns each round trip in microseconds.</summary>
internal static class AskLatency
{
    private sealed class Echo : ReceiveActor
    {
        public Echo() => Receive<string>(m => Sender.Tell(m, Self));
    }

    public static async Task<double[]> RunAsync(ActorSystem system, int asks)
    {
        var echo = system.ActorOf(Props.Create<Echo>());
        var timeout = TimeSpan.FromSeconds(5);
        var samples = new double[asks];
        for (var i = 0; i < asks; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await echo.Ask<string>("ping", timeout).ConfigureAwait(false);
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        }
        system.Stop(echo);
        return samples;
    }
}
