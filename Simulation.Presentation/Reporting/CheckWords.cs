using System.Globalization;
using IsdnSim.Analysis.Validation;

namespace IsdnSim.Presentation.Reporting;

/// <summary>What a check of the model against observed data says, in words a commission member reads.</summary>
public static class CheckWords
{
    /// <summary>"inside", "above", "below", or empty without a simulated value: where the observation lies against the model's interval.</summary>
    public static string Position(ObservedPosition position) => position switch
    {
        ObservedPosition.Inside => "inside",
        ObservedPosition.Above => "above",
        ObservedPosition.Below => "below",
        _ => "",
    };

    /// <summary>"faster", "slower", "consistent", or empty without a simulated value: what the model is against the observation.</summary>
    public static string Pace(ModelPace pace) => pace switch
    {
        ModelPace.Faster => "faster",
        ModelPace.Slower => "slower",
        ModelPace.Consistent => "consistent",
        _ => "",
    };

    /// <summary>
    /// E.g. "The model is faster than 9 of 11 observations, slower than 1 and consistent with 1
    /// (the observation within the model's 95 % interval)." and, where some rows have no simulated
    /// value, how many and why.
    /// </summary>
    public static string Summary(ObservedCheck check)
    {
        var n = check.Rows.Count;
        var parts = new List<string> { $"The model is faster than {check.Faster} of {n} observation{(n == 1 ? "" : "s")}" };
        if (check.Slower > 0)
        {
            parts.Add($"slower than {check.Slower}");
        }

        if (check.Consistent > 0)
        {
            parts.Add($"consistent with {check.Consistent} (the observation within the model's 95 % interval)");
        }

        var sentence = parts.Count == 1 ? parts[0] : $"{string.Join(", ", parts.SkipLast(1))} and {parts[^1]}";
        if (check.WithoutValue > 0)
        {
            sentence += $"; {check.WithoutValue} {(check.WithoutValue == 1 ? "has" : "have")} no simulated value (nothing of their process and region to measure in any replication)";
        }

        return string.Create(CultureInfo.InvariantCulture, $"{sentence}.");
    }
}
