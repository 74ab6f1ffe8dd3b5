using System.Diagnostics;
using System.Threading.Channels;

namespace ActorExec.Bench.Kernel;

/// <summary>The same ping-pong written directly on System.Threading.Channels: one channel and one reader task per "actor".</summary>
internal static class ChannelsPingPong
{
    private static readonly object Ball = new();

    public static async Task<double> RunAsync(int pairs, int messagesPerPair)
    {
        var tasks = new List<Task>();
        var serves = new List<ChannelWriter<object>>();
        var cancel = new CancellationTokenSource();
        for (var i = 0; i < pairs; i++)
        {
            var a = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
            var b = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
            tasks.Add(Player(a.Reader, b.Writer, messagesPerPair / 2));
            _ = Player(b.Reader, a.Writer, int.MaxValue);
            serves.Add(b.Writer);
        }

        var started = Stopwatch.GetTimestamp();
        foreach (var serve in serves)
            serve.TryWrite(Ball);
        await Task.WhenAll(tasks);
        var elapsed = Stopwatch.GetElapsedTime(started);
        foreach (var serve in serves)
            serve.TryComplete();
        return pairs * (double)messagesPerPair / elapsed.TotalSeconds;
    }

    private static async Task Player(ChannelReader<object> inbox, ChannelWriter<object> partner, int toReceive)
    {
        await Task.Yield();
        var received = 0;
        while (await inbox.WaitToReadAsync().ConfigureAwait(false))
        {
            while (inbox.TryRead(out var message))
            {
                if (++received == toReceive)
                    return;
                partner.TryWrite(message);
            }
        }
    }
}
