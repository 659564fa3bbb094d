using System.Globalization;

namespace IsdnSim.Analysis.Metrics;

/// <summary>The plain-language warnings about unstable queues, the same on the terminal and in reports.</summary>
public static class StabilityText
{
    /// <summary>
    /// "Building authority (District), utilisation 99.6 %: saturated (busy ≥ 98 % with work waiting) in 5 of 5 replications; work in progress growing steadily in 5 of 5 replications. ..."
    /// With absence, the utilisation of the staff present follows the posts': "utilisation 74.2 % (99.4 % of the staff present)".
    /// </summary>
    public static string Agency(string agency, string organisation, int saturatedIn, int growingIn, int replications, double utilisation, double presentUtilisation = double.NaN)
    {
        var parts = new List<string>();
        if (saturatedIn > 0)
        {
            parts.Add($"saturated (busy ≥ {AgencyStability.SaturatedUtilisation.ToString("P0", CultureInfo.InvariantCulture)} with work waiting) in {saturatedIn} of {replications} replications");
        }

        if (growingIn > 0)
        {
            parts.Add($"work in progress growing steadily in {growingIn} of {replications} replications");
        }

        var present = double.IsFinite(presentUtilisation) && presentUtilisation != utilisation
            ? string.Create(CultureInfo.InvariantCulture, $" ({presentUtilisation:P1} of the staff present)")
            : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{agency} ({organisation}), utilisation {utilisation:P1}{present}: {string.Join("; ", parts)}. Offered load reaches capacity; its queue has no steady state.");
    }

    /// <summary>"Cycle path: only 12.0 % of the projects arrived after the warm-up finished by the horizon; ...".</summary>
    public static string Process(string process, double finishedShare) => string.Create(CultureInfo.InvariantCulture,
        $"{process}: only {finishedShare:P1} of the projects arrived after the warm-up finished by the horizon; its lead times describe the quick few.");

    /// <summary>
    /// "Building authority (District), utilisation 99.1 %: saturated or growing in 3 of 3 replications."
    /// With absence, the utilisation of the staff present (what saturation is judged on) follows the posts':
    /// "utilisation 70.5 % (99.2 % of the staff present)".
    /// </summary>
    public static string UnstableIn(string agency, string organisation, int unstableIn, int replications, double utilisation, double presentUtilisation = double.NaN)
    {
        var present = double.IsFinite(presentUtilisation) && Math.Abs(presentUtilisation - utilisation) >= 0.0005
            ? string.Create(CultureInfo.InvariantCulture, $" ({presentUtilisation:P1} of the staff present)")
            : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{agency} ({organisation}), utilisation {utilisation:P1}{present}: saturated or work in progress growing in {unstableIn} of {replications} replications. Offered load reaches capacity; lead times grow with the horizon.");
    }
}
