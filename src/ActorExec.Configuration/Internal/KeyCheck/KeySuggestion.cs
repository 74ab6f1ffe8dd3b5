namespace ActorExec.Configuration.Internal.KeyCheck;

/// <summary>
/// Finds the known key an unknown one was probably meant to be. Under the same parent the last
/// segments are compared (<c>engine.cooldwn</c> → <c>engine.cooldown</c>); otherwise whole paths
/// (<c>engin.cooldown</c>), and a key whose last segment exists elsewhere is offered that place
/// (<c>cooldown</c> → <c>engine.cooldown</c>). Only close matches are offered.
/// </summary>
internal static class KeySuggestion
{
    private const int MovedKeyScore = 2;

    public static string? Closest(string[] key, IReadOnlyList<KnownKeyPattern> known)
    {
        string? best = null;
        var bestScore = int.MaxValue;
        foreach (var pattern in known)
        {
            var candidate = pattern.InstantiateFor(key);
            var score = Score(key, candidate);
            if (score < bestScore)
            {
                (best, bestScore) = (string.Join('.', candidate), score);
            }
        }

        return best;
    }

    private static int Score(string[] key, string[] candidate)
    {
        var sameParent = key.Length == candidate.Length
            && key.Take(key.Length - 1).SequenceEqual(candidate.Take(candidate.Length - 1), StringComparer.OrdinalIgnoreCase);
        if (sameParent)
            return Acceptable(EditDistance.Between(key[^1], candidate[^1]), key[^1]);

        var whole = string.Join('.', key);
        var score = Acceptable(EditDistance.Between(whole, string.Join('.', candidate)), whole);
        if (string.Equals(key[^1], candidate[^1], StringComparison.OrdinalIgnoreCase))
            score = Math.Min(score, MovedKeyScore);
        return score;
    }

    /// <summary>The distance when it is small for the text's length (a third of it, 1 to 3 edits), else no match.</summary>
    private static int Acceptable(int distance, string text)
    {
        var allowed = Math.Clamp(text.Length / 3, 1, 3);
        return distance <= allowed ? distance : int.MaxValue;
    }
}
