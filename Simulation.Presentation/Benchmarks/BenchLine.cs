using System.Globalization;

namespace IsdnSim.Presentation.Benchmarks;

/// <summary>
/// The one line of <c>isdnsim bench FILE</c> meant for programs: <c>bench: key=value ...</c>. The
/// suite starts bench as a child process and reads its figures from this line.
/// </summary>
public static class BenchLine
{
    public const string Prefix = "bench: ";

    /// <summary>The numeric figures of the last bench line in <paramref name="output"/> (words such as the engine's name are left out), or null without one.</summary>
    public static IReadOnlyDictionary<string, double>? Parse(string output)
    {
        var line = output.Split('\n').Select(l => l.TrimEnd('\r')).LastOrDefault(l => l.StartsWith(Prefix, StringComparison.Ordinal));
        if (line is null)
        {
            return null;
        }

        var figures = new Dictionary<string, double>();
        foreach (var pair in line[Prefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            if (equals > 0 && double.TryParse(pair[(equals + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                figures[pair[..equals]] = value;
            }
        }

        return figures;
    }
}
