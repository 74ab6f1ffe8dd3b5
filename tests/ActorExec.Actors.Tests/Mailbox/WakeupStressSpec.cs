namespace ActorExec.Actors.Tests.Mailbox;

/// <summary>
/// A message told from outside any actor at the very moment the receiver finishes its turn must still
/// wake it. Each round trip here races the sender's enqueue against the receiver going idle; a lost
/// wake-up leaves the message in the mailbox with nobody to run it, and the round trip never ends.
/// </summary>
[Collection(nameof(StressCollection))]
public sealed class WakeupStressSpec : TestKit.TestKit
{
    private const int Pairs = 4;
    private const int RoundTrips = 300_000;

    private sealed class Signaller : ReceiveActor
    {
        public Signaller(long[] seen) => Receive<long>(n => Volatile.Write(ref seen[0], n));
    }

    [Fact]
    public void Tell_FromOutsideActorsAsTheReceiverGoesIdle_AlwaysWakesIt()
    {
        var stalls = 0;
        var threads = Enumerable.Range(0, Pairs).Select(p =>
        {
            var seen = new long[1];
            var actor = ActorOf(Props.Create(() => new Signaller(seen)), $"signaller-{p}");
            return new Thread(() =>
            {
                for (long n = 1; n <= RoundTrips; n++)
                {
                    actor.Tell(n, null);
                    var spin = new SpinWait();
                    var started = Environment.TickCount64;
                    while (Volatile.Read(ref seen[0]) != n)
                    {
                        spin.SpinOnce(sleep1Threshold: -1);
                        if (Environment.TickCount64 - started > 10_000)
                        {
                            Interlocked.Increment(ref stalls);
                            return;
                        }
                    }
                }
            });
        }).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        stalls.Should().Be(0, "every message told must be processed without another message to wake the actor");
    }
}
