using System.Text.Json;
using System.Text.Json.Serialization;
using IsdnSim.Analysis.Metrics;
using IsdnSim.Kernel.Model;

namespace IsdnSim.Presentation.Output.Summary;

/// <summary>
/// summary.json of a run, field by field in the order written: the one description that writes
/// the file and reads it back. <see cref="Variant"/> is written as null when the run had none,
/// and a missing value inside a figure as null (<see cref="SummaryEstimate"/>). What is here is
/// bounded by the scenario's processes, levels and shocks, never by its agencies: per-agency
/// figures are in agencies_summary.csv, and the summary names only the top of each ranking
/// (<see cref="SummaryBottlenecks"/>), so a country-sized run's summary is as small as a district's.
/// </summary>
public sealed record RunSummaryFile(
    string Scenario,
    string? Variant,
    ulong Seed,
    int Replications,
    DateOnly Start,
    double HorizonDays,
    double WarmupDays,
    double ConfidenceLevel,
    SummaryFlow Headline,
    SummaryStability Stability,
    IReadOnlyList<SummaryProcess> Processes,
    SummaryBottlenecks Bottlenecks,
    SummaryBetweenLevels BetweenLevels,
    SummaryDemocracy DemocraticQuality,
    SummaryEstimate ConsultationsLapsedShare,
    SummaryEstimate FictionShare,
    IReadOnlyList<SummaryDeadline> Deadlines)
{
    /// <summary>What the modelled posts cost; left out of the file when the scenario has no costs.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SummaryCosts? Costs { get; init; }

    /// <summary>The level of every interval in the file.</summary>
    public const double Level = 0.95;

    /// <summary>Snake-case names, two-space indents, '\n' line ends, no newline after the closing brace.</summary>
    public static JsonSerializerOptions Json => RunSummaryJson.Default.Options;

    public static RunSummaryFile From(SimulationModel model, RunSummary summary)
    {
        var d = model.Definition;
        return new RunSummaryFile(d.Name, d.AppliedVariant, d.Seed, summary.Replications, d.Start, model.Horizon.Days, model.Warmup.Days, Level,
            SummaryFlow.From(summary.Overall),
            SummaryStability.From(summary),
            [.. summary.Processes.Select(p => new SummaryProcess(p.Process.Id, p.Process.Name, SummaryFlow.From(p.Figures)))],
            SummaryBottlenecks.From(model, summary),
            new SummaryBetweenLevels(SummaryLevelPair.Of(summary.Handoffs), SummaryLevelPair.Of(summary.Reworks)),
            SummaryDemocracy.From(summary.Democracy),
            SummaryEstimate.From(summary.LapsedShare),
            SummaryEstimate.From(summary.FictionShare),
            [.. summary.Deadlines.Select(SummaryDeadline.From)])
        {
            Costs = summary.Costs is { } costs ? SummaryCosts.From(costs) : null,
        };
    }

    public static RunSummaryFile Read(string path) =>
        JsonSerializer.Deserialize(File.ReadAllText(path), RunSummaryJson.Default.RunSummaryFile) ?? throw new InvalidDataException($"{path} holds no summary");

    /// <summary>
    /// Builds the serializer's metadata for the file's types now (it is built once, on first use,
    /// and a short run's writing spent about a fifth of its time on it): see <see cref="ResultWriter.Prepare"/>.
    /// </summary>
    internal static void Prepare() => _ = RunSummaryJson.Default.RunSummaryFile;

    public void Write(string path)
    {
        using var stream = File.Create(path);
        JsonSerializer.Serialize(stream, this, RunSummaryJson.Default.RunSummaryFile);
    }
}
