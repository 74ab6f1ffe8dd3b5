namespace ActorExec.Actors.Internal;

/// <summary>
/// A thread's run-next slot: the first idle actor woken by a turn on this thread runs right after
/// that turn, on the same warm thread, without a trip through the thread pool.
/// </summary>
/// <remarks>
/// The slot is private to its thread, so a handler that blocks or computes for long after waking
/// an actor would hold that actor back. A watchdog therefore moves any entry that has sat in its
/// slot across two ticks (1–2 ms) to the thread pool, where any idle worker can run it.
/// Whoever takes the entry out with an atomic exchange runs it: never both, never neither.
/// </remarks>
internal sealed class RunNextSlot
{
    private const int WatchdogPeriodMs = 1;
    private static readonly object RegistryGate = new();
    private static RunNextSlot[] s_registry = [];
    private static Thread? s_watchdog;

    [ThreadStatic] private static RunNextSlot? t_slot;

    private LocalActorRef? _entry;
    private int _generation;       // written by the owner thread
    private int _seenGeneration;   // watchdog only
    private bool _seenOccupied;    // watchdog only

    /// <summary>This thread's slot, registered with the watchdog on first use.</summary>
    public static RunNextSlot ForCurrentThread => t_slot ?? Register();

    /// <summary>True when no mailbox is parked here.</summary>
    public bool IsEmpty => Volatile.Read(ref _entry) is null;

    /// <summary>Parks <paramref name="mailbox"/> in the slot; false if it is taken.</summary>
    public bool TryPark(LocalActorRef mailbox)
    {
        if (Volatile.Read(ref _entry) is not null)
            return false;
        _generation++;
        Volatile.Write(ref _entry, mailbox);
        return true;
    }

    /// <summary>Takes the parked mailbox, if the watchdog has not moved it to the pool already.</summary>
    public LocalActorRef? Take() => Volatile.Read(ref _entry) is null ? null : Interlocked.Exchange(ref _entry, null);

    private static RunNextSlot Register()
    {
        var slot = new RunNextSlot();
        t_slot = slot;
        lock (RegistryGate)
        {
            // Pool threads are few and long-lived; a slot left by a retired thread stays empty.
            s_registry = [.. s_registry, slot];
            if (s_watchdog is null)
            {
                // Its own thread, not a timer: timer callbacks run on the pool and would wake a
                // worker every period, which then spins for work next to the actors it serves.
                s_watchdog = new Thread(WatchdogLoop) { IsBackground = true, Name = "actorexec-run-next-watchdog" };
                s_watchdog.Start();
            }
        }
        return slot;
    }

    private static void WatchdogLoop()
    {
        while (true)
        {
            Thread.Sleep(WatchdogPeriodMs);
            Sweep();
        }
    }

    private static void Sweep()
    {
        foreach (var slot in Volatile.Read(ref s_registry))
        {
            var entry = Volatile.Read(ref slot._entry);
            var generation = Volatile.Read(ref slot._generation);
            if (entry is not null && slot._seenOccupied && generation == slot._seenGeneration
                && Interlocked.CompareExchange(ref slot._entry, null, entry) == entry)
            {
                ThreadPool.UnsafeQueueUserWorkItem(entry, preferLocal: false);
                entry = null;
            }
            slot._seenGeneration = generation;
            slot._seenOccupied = entry is not null;
        }
    }
}
