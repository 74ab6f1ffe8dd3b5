namespace ActorExec.Configuration;

/// <summary>A configuration key that no option reads, probably a typo.</summary>
/// <param name="Key">The configuration key, e.g. <c>engine:cooldwn</c>.</param>
/// <param name="Origin">Where a HOCON file defined it; null when another source (an environment variable, say) supplied it.</param>
/// <param name="Suggestion">The closest known key path, e.g. <c>engine.cooldown</c>, or null when none is close.</param>
/// <param name="Message">The warning as it should be shown: <c>hocon/paper.conf:7:3: unknown key 'engine.cooldwn' (did you mean 'engine.cooldown'?)</c>.</param>
public sealed record HoconKeyWarning(string Key, HoconOrigin? Origin, string? Suggestion, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Message;
}
