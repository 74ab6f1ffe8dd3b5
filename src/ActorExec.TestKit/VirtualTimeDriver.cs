using System.Diagnostics;

namespace ActorExec.TestKit;

/// <summary>
/// Drives a <see cref="ManualTimeProvider"/> like a discrete-event simulation: wait until the system
/// has worked through everything the last step released (the thread pool is quiet), then jump the
/// clock to the next timer that falls due. Tests read as "until this holds", run as fast as the
/// machine allows, and give the same virtual timeline on a slow machine as on a fast one.
/// </summary>
/// <remarks>
/// Quiescence is judged from the thread pool (nothing queued, no more workers busy than before the
/// system started, no work items completing besides the check's own), so tests using a driver must
/// not run in parallel with other tests of the same process
/// (<c>[assembly: CollectionBehavior(DisableTestParallelization = true)]</c>).
/// </remarks>
public sealed class VirtualTimeDriver
{
    private static readonly TimeSpan RealTimeLimit = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan QuiesceCap = TimeSpan.FromSeconds(2);
    private readonly int _idleBusyWorkers;

    /// <summary>Creates a driver; create it before the system under test starts, so it learns what "idle" looks like.</summary>
    public VirtualTimeDriver(ManualTimeProvider clock)
    {
        Clock = clock ?? throw new ArgumentNullException(nameof(clock));
        // Measured on the test's thread; the checks run on a pool worker, which they then count themselves.
        _idleBusyWorkers = BusyWorkers();
    }

    /// <summary>The clock driven.</summary>
    public ManualTimeProvider Clock { get; }

    /// <summary>
    /// Advances the clock until <paramref name="condition"/> holds, never more than
    /// <paramref name="maxStep"/> (default 1 s) at a time nor <paramref name="maxVirtual"/> (default
    /// 10 min) in all, nor 30 s of real time.
    /// </summary>
    /// <exception cref="TimeoutException">A limit was reached; the message names <paramref name="what"/>.</exception>
    public async Task UntilAsync(Func<bool> condition, string what, TimeSpan? maxStep = null, TimeSpan? maxVirtual = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var run = new Run(this, what, maxStep, maxVirtual);
        while (true)
        {
            await QuiesceAsync().ConfigureAwait(false);
            if (condition())
                return;
            run.Step(null);
        }
    }

    /// <summary>As <see cref="UntilAsync(Func{bool}, string, TimeSpan?, TimeSpan?)"/>, polling an asynchronous probe (e.g. an Ask) and returning its first answer that satisfies <paramref name="condition"/>.</summary>
    public async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, string what, TimeSpan? maxStep = null, TimeSpan? maxVirtual = null)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(condition);
        var run = new Run(this, what, maxStep, maxVirtual);
        while (true)
        {
            await QuiesceAsync().ConfigureAwait(false);
            var answer = await probe().WaitAsync(RealTimeLimit).ConfigureAwait(false);
            if (condition(answer))
                return answer;
            run.Step(answer);
        }
    }

    /// <summary>Advances the clock until <paramref name="task"/> completes, then returns its result.</summary>
    public async Task<T> CompletionOfAsync<T>(Task<T> task, string what = "the task to complete", TimeSpan? maxStep = null, TimeSpan? maxVirtual = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        await UntilAsync(() => task.IsCompleted, what, maxStep, maxVirtual).ConfigureAwait(false);
        return await task.ConfigureAwait(false);
    }

    /// <summary>Waits (at most 2 s of real time) until the thread pool has been quiet for two consecutive checks.</summary>
    public async Task QuiesceAsync()
    {
        var quiet = 0;
        var deadline = Stopwatch.StartNew();
        var completed = ThreadPool.CompletedWorkItemCount;
        while (quiet < 2 && deadline.Elapsed < QuiesceCap)
        {
            await Task.Delay(1).ConfigureAwait(false);
            var nowCompleted = ThreadPool.CompletedWorkItemCount;
            var idle = ThreadPool.PendingWorkItemCount == 0 && BusyWorkers() <= _idleBusyWorkers + 1 && nowCompleted - completed <= 2;
            completed = nowCompleted;
            quiet = idle ? quiet + 1 : 0;
        }
    }

    private static int BusyWorkers()
    {
        ThreadPool.GetMaxThreads(out var maxWorkers, out _);
        ThreadPool.GetAvailableThreads(out var available, out _);
        return maxWorkers - available;
    }

    private sealed class Run(VirtualTimeDriver driver, string what, TimeSpan? maxStep, TimeSpan? maxVirtual)
    {
        private readonly Stopwatch _real = Stopwatch.StartNew();
        private readonly DateTimeOffset _virtualStart = driver.Clock.GetUtcNow();
        private readonly TimeSpan _maxStep = maxStep ?? TimeSpan.FromSeconds(1);
        private readonly TimeSpan _maxVirtual = maxVirtual ?? TimeSpan.FromMinutes(10);

        public void Step(object? lastAnswer)
        {
            var elapsed = driver.Clock.GetUtcNow() - _virtualStart;
            var last = lastAnswer is null ? "" : $"; last answer: {lastAnswer}";
            if (elapsed > _maxVirtual)
                throw new TimeoutException($"waited {_maxVirtual} of virtual time for {what}{last}");
            if (_real.Elapsed > RealTimeLimit)
                throw new TimeoutException($"waited {RealTimeLimit.TotalSeconds:0} s of real time ({elapsed} of virtual time) for {what}{last}");
            var nextDue = driver.Clock.NextTimerDueIn ?? _maxStep;
            driver.Clock.Advance(nextDue < _maxStep ? nextDue : _maxStep);
        }
    }
}
