namespace IsdnSim.Presentation.Reporting;

/// <summary>
/// What a report says about the experiment besides its figures. Nothing here depends on the
/// machine, the engine or the time of the run, so a report is as reproducible as the figures.
/// </summary>
public sealed record ReportContext(
    string ScenarioName,
    string ScenarioFile,
    string ScenarioHash,
    ulong Seed,
    DateOnly Start,
    double HorizonDays,
    double WarmupDays,
    IReadOnlyList<int> Years,
    IReadOnlyList<VariantInfo> Variants,
    string ProgramVersion)
{
    /// <summary>Compare: replications per variant. Sweep: per point.</summary>
    public int Replications { get; init; }

    /// <summary>Compare with a precision target: the target (share of the baseline mean), and whether it was reached.</summary>
    public double? Precision { get; init; }

    public bool? PrecisionReached { get; init; }
}

/// <summary>A variant as the report names it: id, name, description, and one line per change it makes.</summary>
public sealed record VariantInfo(string Id, string Name, string? Description, IReadOnlyList<string> Changes);

/// <summary>A file of a report, by its path relative to the experiment folder (report.html, figures/*.svg, ...).</summary>
public sealed record ReportFile(string Name, string Text);
