using System.Globalization;
using System.Text.RegularExpressions;

namespace IsdnSim.Runner.Options;

/// <summary>Sizes on the command line: 500MB, 2GB, 100MiB, 1.5G (decimal and binary units both mean powers of 1024).</summary>
internal static partial class Sizes
{
    public static long? TryParse(string text)
    {
        var m = Size().Match(text.Trim());
        if (!m.Success)
        {
            return null;
        }

        var value = double.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
        var unit = m.Groups["u"].Value.ToUpperInvariant();
        var factor = unit[0] switch { 'K' => 1L << 10, 'M' => 1L << 20, 'G' => 1L << 30, _ => 1L << 40 };
        var bytes = value * factor;
        return bytes is >= 1 and < long.MaxValue ? (long)bytes : null;
    }

    [GeneratedRegex(@"^(?<n>\d+(\.\d+)?)\s*(?<u>[kKmMgGtT](i?[bB])?)$")]
    private static partial Regex Size();
}
