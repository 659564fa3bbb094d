namespace IsdnSim.Presentation.Benchmarks;

/// <summary>
/// One benchmark the suite times as separate process runs of isdnsim: a <c>bench</c> whose
/// figures come from its bench line, or a <c>run</c> timed from outside (wall time, peak memory,
/// the size of its summary.json), written to a fresh folder in place of <see cref="OutFolder"/>.
/// </summary>
public sealed record SuiteMeasurement(string Id, MeasurementKind Kind, IReadOnlyList<string> Arguments)
{
    /// <summary>Stands in <see cref="Arguments"/> for the result folder of a run, a new one for each process.</summary>
    public const string OutFolder = "{out}";

    /// <summary>The command as a reader types it (the result folder shown as DIR).</summary>
    public string Command => "isdnsim " + string.Join(' ', Arguments.Select(a => a == OutFolder ? "DIR" : a));
}

public enum MeasurementKind
{
    /// <summary><c>isdnsim bench</c>: the figures its bench line prints.</summary>
    Bench,

    /// <summary><c>isdnsim run</c> end to end: <see cref="ProcessSample.WallSeconds"/>, <see cref="ProcessSample.PeakMib"/>, <see cref="ProcessSample.SummaryBytes"/>.</summary>
    Run,
}
