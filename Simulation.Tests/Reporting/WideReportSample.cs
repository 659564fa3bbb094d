using IsdnSim.Analysis.Experiments;
using IsdnSim.Analysis.Metrics;
using IsdnSim.Presentation.Reporting;

namespace IsdnSim.Tests.Reporting;

/// <summary>
/// A comparison shaped like the rural district's, for the layout: four variants with long names
/// (eight figure columns in the headline table), one of them an outlier (lead times three and a
/// half times the baseline's), wide numbers (a million inhabitants per councillor), agencies whose
/// names share a long prefix and differ only by their organisation, and a law with a group nobody
/// is obliged in beside one whose count of obliged projects varies (0, 8, 0, 8, 4: mean 4, a t
/// interval from −1 to 9).
/// </summary>
public static class WideReportSample
{
    public const string Baseline = "status-quo";

    private static readonly (string Id, string Name, double Factor)[] Variants =
    [
        (Baseline, "Status quo", 1),
        ("austerity", "Austerity (Spar- und Fusionsvariante)", 3.5),
        ("democratisation", "Democratisation (kommunale Federführung)", 1.1),
        ("one-level", "One level (kreisfreie Stadt)", 0.8),
    ];

    private static readonly (string Name, string Organisation)[] Agencies =
    [
        ("Untere Bauaufsichtsbehörde (building authority)", "Landkreis Havelheide-Oderbruch"),
        ("Untere Bauaufsichtsbehörde (building authority)", "Landkreis Oderbruch-Nord (neighbour)"),
        ("Untere Bauaufsichtsbehörde (building authority)", "Stadt Havelheide"),
        ("Untere Bauaufsichtsbehörde (building authority)", "Heidestadt (Kreisstadt)"),
        ("Untere Bauaufsichtsbehörde (building authority)", "Amt Seeland"),
        ("Untere Denkmalschutzbehörde (lower monument authority)", "Landkreis Havelheide-Oderbruch"),
        ("Landesamt für Denkmalpflege (BLDAM, state heritage office)", "Land Brandenburg"),
        ("Bauamt", "Amt Seeland"),
        ("Bauamt", "Amt Heideland"),
    ];

    private static readonly long[] Obliged = [0, 8, 0, 8, 4];

    public static ReportContext Context() =>
        ReportSamples.Context() with { Variants = [.. Variants.Select(v => new VariantInfo(v.Id, v.Name, $"The {v.Name} variant.", [$"change for {v.Id}"]))] };

    public static ComparisonResult Comparison() =>
        ComparisonResult.Compute(ReportSamples.Metrics, [.. Variants.Select(v => v.Id)], Baseline,
            Variants.ToDictionary(v => v.Id, v => (IReadOnlyList<ReplicationDigest>)[.. Enumerable.Range(0, ReportSamples.Replications).Select(r => Digest(v.Id, v.Factor, r))]));

    private static ReplicationDigest Digest(string cell, double factor, int r)
    {
        var leadTime = factor * (150 + 7 * r);
        double[] metrics = [leadTime, 2.3 * leadTime, 495 - 20 * factor + r, 200 * factor + r, 0.97, 0.9, 4.8, 0.73 + 0.01 * r, 1_234_567.8 + 1000 * r * factor,
            7.1 * factor, 0.45 + 0.01 * r, 0.05 + 0.01 * r, leadTime * 0.9, leadTime * 1.2, 0.98 - 0.01 * r, 0.99, 0.9 - 0.02 * r];
        double[] percentiles = [.. Enumerable.Range(0, ReplicationDigest.Percentiles).Select(i => leadTime * (0.3 + 1.4 * i / 100.0))];
        var agencies = Agencies.Select((a, i) => new AgencyFigures($"agent{i}", $"agency{i}", a.Name, a.Organisation, 2 + i, IsCouncil: false,
            Utilisation: 0.4 + 0.05 * i + 0.01 * r, WaitingCaused: 1000 * i + 10 * r, DeterminingShare: (Agencies.Length - i) / 45.0,
            YearUtilisation: [.. ReportSamples.Years.Select((y, j) => Math.Min(1.05, 0.3 + 0.06 * i + 0.1 * j))])).ToArray();
        DeadlineFigures[] deadlines =
        [
            new("heat", "Wärmeplanungsgesetz (heat-planning law)", "over 100,000 inhabitants", new DateOnly(2026, 6, 30), 0, 0, 0, 0),
            new("heat", "Wärmeplanungsgesetz (heat-planning law)", "under 10,000 inhabitants", new DateOnly(2028, 6, 30), Obliged[r], Obliged[r] / 2, 0, Obliged[r] - Obliged[r] / 2),
        ];
        return new ReplicationDigest(cell, r, metrics, percentiles, agencies, deadlines, 1000);
    }
}
