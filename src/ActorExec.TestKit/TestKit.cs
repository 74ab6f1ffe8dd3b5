using System.Diagnostics;
using ActorExec.Actors;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ActorExec.TestKit;

/// <summary>
/// xunit base class in the spirit of Akka.TestKit.Xunit2: a fresh <see cref="ActorSystem"/> per test
/// (terminated when the test ends), a <see cref="TestActor"/> that is the implicit sender of Tells
/// made by the test, probes, expectations and, optionally, virtual time.
/// </summary>
public abstract class TestKit : MessageExpectations, IDisposable
{
    private static int s_systems;
    private readonly IActorRef _testActor;
    private int _probes;
    private bool _disposed;

    /// <summary>Creates the system under test.</summary>
    /// <param name="options">Kit options; defaults when null.</param>
    /// <param name="output">xunit output: when given, the system's logs are written there.</param>
    protected TestKit(TestKitOptions? options = null, ITestOutputHelper? output = null)
        : base(options ??= new TestKitOptions(), Stopwatch.StartNew())
    {
        var systemOptions = options.SystemOptions;
        if (options.UseVirtualTime)
        {
            VirtualClock = new ManualTimeProvider();
            Driver = new VirtualTimeDriver(VirtualClock);
            systemOptions = systemOptions with { TimeProvider = VirtualClock };
        }
        if (output is not null)
            systemOptions = systemOptions with { LoggerFactory = new XunitLoggerFactory(output) };

        Sys = ActorSystem.Create($"test-{Interlocked.Increment(ref s_systems)}", systemOptions);
        _testActor = Sys.SystemActorOf(Props.Create(() => new TestActor(Queue, Clock)), "testActor");
        ImplicitSender.Current = _testActor;
    }

    /// <summary>The actor system under test.</summary>
    public ActorSystem Sys { get; }

    /// <summary>The kit's own test actor: the implicit sender of the test's Tells; its inbox is what ExpectMsg reads.</summary>
    public IActorRef TestActor => _testActor;

    /// <inheritdoc />
    public override IActorRef Ref => _testActor;

    /// <summary>The virtual clock, in virtual-time mode; null otherwise.</summary>
    public ManualTimeProvider? VirtualClock { get; }

    /// <summary>Drives the virtual clock until a condition holds, in virtual-time mode; null otherwise.</summary>
    public VirtualTimeDriver? Driver { get; }

    /// <summary>Moves the virtual clock forward, firing due timers.</summary>
    /// <exception cref="InvalidOperationException">The kit was not created with virtual time.</exception>
    public void Advance(TimeSpan by)
        => (VirtualClock ?? throw new InvalidOperationException("Advance needs TestKitOptions.UseVirtualTime = true")).Advance(by);

    /// <summary>Creates a top-level actor in the system under test.</summary>
    public IActorRef ActorOf(Props props, string? name = null) => Sys.ActorOf(props, name);

    /// <summary>Creates a probe: another test actor with its own inbox.</summary>
    public TestProbe CreateTestProbe(string? name = null)
        => new(Sys, name ?? $"probe-{Interlocked.Increment(ref _probes)}", Options, Clock);

    /// <summary>
    /// Runs <paramref name="block"/> and checks that it took between <paramref name="min"/> and
    /// <paramref name="max"/> on the system's clock (virtual in virtual-time mode). In real time,
    /// expectations inside default to the time left.
    /// </summary>
    public async Task<T> WithinAsync<T>(TimeSpan min, TimeSpan max, Func<Task<T>> block)
    {
        ArgumentNullException.ThrowIfNull(block);
        var time = Sys.TimeProvider;
        var started = time.GetTimestamp();
        var realTime = VirtualClock is null;
        if (realTime)
            PushWithinDeadline(max);
        T result;
        try
        {
            result = await block().ConfigureAwait(false);
        }
        finally
        {
            if (realTime)
                PopWithinDeadline();
        }
        var took = time.GetElapsedTime(started);
        if (took < min)
            throw Failure($"Expected the block to take at least {Ms(min)}, but it took {Ms(took)}");
        if (took > max)
            throw Failure($"Expected the block to take at most {Ms(max)}, but it took {Ms(took)}");
        return result;
    }

    /// <summary>Asynchronous Within for a block without a result.</summary>
    public Task WithinAsync(TimeSpan min, TimeSpan max, Func<Task> block)
        => WithinAsync(min, max, async () => { await block().ConfigureAwait(false); return true; });

    /// <summary>Synchronous Within.</summary>
    public void Within(TimeSpan min, TimeSpan max, Action block)
        => Wait(WithinAsync(min, max, () => { block(); return Task.FromResult(true); }));

    /// <summary>Synchronous Within with no lower bound.</summary>
    public void Within(TimeSpan max, Action block) => Within(TimeSpan.Zero, max, block);

    /// <summary>Polls <paramref name="condition"/> until it holds, failing after <paramref name="max"/> (real time).</summary>
    public async Task AwaitConditionAsync(Func<bool> condition, TimeSpan? max = null, TimeSpan? interval = null, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = max ?? RemainingOrDefault;
        var started = Stopwatch.GetTimestamp();
        while (!condition())
        {
            if (Stopwatch.GetElapsedTime(started) > limit)
                throw Failure($"Condition {(message is null ? "" : $"'{message}' ")}was not met within {Ms(limit)}");
            await Task.Delay(interval ?? PollInterval).ConfigureAwait(false);
        }
    }

    /// <summary>Synchronous <see cref="AwaitConditionAsync"/>.</summary>
    public void AwaitCondition(Func<bool> condition, TimeSpan? max = null, TimeSpan? interval = null, string? message = null)
        => Wait(AwaitConditionAsync(condition, max, interval, message));

    /// <summary>Retries <paramref name="assertion"/> until it passes, rethrowing its last failure after <paramref name="max"/> (real time).</summary>
    public async Task AwaitAssertAsync(Action assertion, TimeSpan? max = null, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        var limit = max ?? RemainingOrDefault;
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            try
            {
                assertion();
                return;
            }
            catch (Exception e)
            {
                if (Stopwatch.GetElapsedTime(started) > limit)
                    throw new XunitException($"Assertion still failed after {Ms(limit)}: {e.Message}", e);
            }
            await Task.Delay(interval ?? PollInterval).ConfigureAwait(false);
        }
    }

    /// <summary>Synchronous <see cref="AwaitAssertAsync"/>.</summary>
    public void AwaitAssert(Action assertion, TimeSpan? max = null, TimeSpan? interval = null)
        => Wait(AwaitAssertAsync(assertion, max, interval));

    private static TimeSpan PollInterval => TimeSpan.FromMilliseconds(10);

    /// <summary>Terminates the system; fails the test if it does not stop within the shutdown timeout.</summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        GC.SuppressFinalize(this);
        ImplicitSender.Current = null;
        if (!Sys.Terminate().Wait(Options.ShutdownTimeout))
            throw new XunitException($"Actor system {Sys.Name} did not terminate within {Ms(Options.ShutdownTimeout)}");
    }

    private sealed class XunitLoggerFactory(ITestOutputHelper output) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => new XunitLogger(output, categoryName);

        public void AddProvider(ILoggerProvider provider) { }

        public void Dispose() { }
    }

    private sealed class XunitLogger(ITestOutputHelper output, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            try
            {
                output.WriteLine($"[{logLevel}] {category}: {formatter(state, exception)}{(exception is null ? "" : $" — {exception.GetType().Name}: {exception.Message}")}");
            }
            catch (InvalidOperationException)
            {
                // The test already finished; xunit no longer accepts output for it.
            }
        }
    }
}
