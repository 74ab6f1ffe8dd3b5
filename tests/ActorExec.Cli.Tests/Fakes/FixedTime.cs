namespace ActorExec.Cli.Tests.Fakes;

/// <summary>A clock that always says <see cref="Now"/>, so relative <c>--since</c> values are exact.</summary>
public sealed class FixedTime : TimeProvider
{
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;
}
