namespace IsdnSim.Scenario.Diagnostics;

/// <summary>Suggests the closest known word for a misspelt one (Levenshtein distance).</summary>
public static class DidYouMean
{
    public static string? Suggest(string typed, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var d = Distance(typed.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d < bestDistance)
            {
                best = candidate;
                bestDistance = d;
            }
        }

        var tolerated = Math.Max(2, typed.Length / 3);
        return bestDistance <= tolerated ? best : null;
    }

    /// <summary>"; did you mean 'x'?" or nothing.</summary>
    public static string Hint(string typed, IEnumerable<string> known) =>
        Suggest(typed, known) is { } s ? $"; did you mean '{s}'?" : "";

    internal static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
