namespace ActorExec.Actors.Tests;

/// <summary>
/// Stress specs saturate both cores (spinning senders, thousands of actors): they run alone, after the
/// parallel tests, so they never starve another test's actors into a timeout.
/// </summary>
[CollectionDefinition(nameof(StressCollection), DisableParallelization = true)]
public sealed class StressCollection;
