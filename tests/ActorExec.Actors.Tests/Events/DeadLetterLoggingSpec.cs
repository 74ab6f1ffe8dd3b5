using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ActorExec.Actors.Tests.Events;

public sealed class DeadLetterLoggingSpec
{
    private sealed class CapturingLoggerFactory : ILoggerFactory
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(Lines);

        public void AddProvider(ILoggerProvider provider) { }

        public void Dispose() { }

        private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                => lines.Enqueue(formatter(state, exception));
        }
    }

    [Fact]
    public async Task DeadLetters_OverTheLimit_AreCountedNotLogged()
    {
        var time = new ManualTimeProvider();
        var logs = new CapturingLoggerFactory();
        await using var system = ActorSystem.Create("dead-letter-log", new ActorSystemOptions
        {
            TimeProvider = time,
            LoggerFactory = logs,
            DeadLetterLogLimit = 3,
            DeadLetterLogWindow = TimeSpan.FromSeconds(10),
        });

        for (var i = 0; i < 10; i++)
            system.DeadLetters.Tell($"letter {i}", null);
        time.Advance(TimeSpan.FromSeconds(10));
        system.DeadLetters.Tell("after the window", null);

        var deadLetterLines = logs.Lines.Where(l => l.StartsWith("Dead letter", StringComparison.Ordinal)).ToList();
        deadLetterLines.Should().HaveCount(4);
        logs.Lines.Should().Contain(l => l.StartsWith("7 more dead letters were not logged", StringComparison.Ordinal));
    }
}
