using IsdnSim.Kernel.Definitions;

namespace IsdnSim.Analysis.Validation;

/// <summary>
/// One observation of an observed-data file: what was measured (<see cref="Statistic"/> of the
/// lead times of <see cref="Process"/>'s projects in <see cref="Region"/>), its value, and where it
/// comes from. <see cref="Region"/> is empty for the whole scenario. The positions say where
/// each field starts in the file, for messages about it.
/// </summary>
public sealed record ObservedRow(
    int Line,
    string Process,
    string Region,
    ObservedStatistic Statistic,
    double Value,
    string Unit,
    string Source)
{
    public SourcePosition ProcessAt { get; init; }

    public SourcePosition RegionAt { get; init; }

    public SourcePosition StatisticAt { get; init; }
}
