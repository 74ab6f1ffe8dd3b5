namespace ActorExec.Cluster.Internal;

/// <summary>The pause of the cluster's retry loops after a failure: 100 ms per failure so far, at most 2 s.</summary>
internal static class Backoff
{
    /// <summary>Waits after the <paramref name="failures"/>-th failure in a row; false when cancelled meanwhile (the loop should end).</summary>
    public static async Task<bool> PauseAsync(int failures, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 100 * failures)), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
