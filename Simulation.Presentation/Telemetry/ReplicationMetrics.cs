using System.Diagnostics;
using System.Diagnostics.Metrics;
using IsdnSim.Analysis.Engine;
using IsdnSim.Kernel.Model;

namespace IsdnSim.Presentation.Telemetry;

/// <summary>
/// A replication's figures as measurements, recorded once it has finished, with the same rules
/// as summary.json: projects count if they finish after the warm-up, queue lengths and
/// utilisation are those of agencies.csv. Measurements carry wall-clock time; simulated time is
/// in the traces.
/// </summary>
internal static class ReplicationMetrics
{
    /// <summary>A week to ten years, in days.</summary>
    private static readonly double[] LeadTimeBuckets = [7, 14, 30, 60, 90, 180, 270, 365, 548, 730, 1095, 1461, 1826, 2557, 3652];

    private static readonly Counter<long> Finished = SimulationTelemetry.Meter.CreateCounter<long>(
        TelemetryNames.ProjectsFinished, "{project}", "Projects finished after the warm-up, by process, variant and replication.");

    private static readonly Histogram<double> LeadTime = SimulationTelemetry.Meter.CreateHistogram(
        TelemetryNames.LeadTime, "d", "Lead time (arrival to finish, calendar days) of projects finished after the warm-up.",
        tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LeadTimeBuckets });

    private static readonly Gauge<double> QueueLength = SimulationTelemetry.Meter.CreateGauge<double>(
        TelemetryNames.QueueLength, "{item}", "Time-average number of items waiting at an agency (or on a council's agenda) after the warm-up, per replication.");

    private static readonly Gauge<double> Utilisation = SimulationTelemetry.Meter.CreateGauge<double>(
        TelemetryNames.Utilisation, "1", "Busy staff time over available staff time of an agency after the warm-up (for a council: agenda places used), per replication.");

    public static void Record(SimulationModel model, ReplicationResult result)
    {
        var variant = model.Definition.AppliedVariant ?? TelemetryNames.NoVariant;
        if (Finished.Enabled || LeadTime.Enabled)
        {
            var counts = new long[model.Processes.Count];
            foreach (var p in result.Projects.Where(p => p.Finish >= model.Warmup.Days))
            {
                counts[p.Id.Process]++;
                LeadTime.Record(p.LeadTime, ProcessTags(model.Processes[p.Id.Process], variant, result.Replication));
            }

            foreach (var process in model.Processes)
            {
                Finished.Add(counts[process.Index], ProcessTags(process, variant, result.Replication));
            }
        }

        if (QueueLength.Enabled || Utilisation.Enabled)
        {
            foreach (var a in result.Agencies)
            {
                var agent = model.Agents[a.Agent];
                var tags = new TagList
                {
                    { TelemetryNames.Agent, agent.Id },
                    { TelemetryNames.Agency, agent.Agencies[a.Agency].Id },
                    { TelemetryNames.Level, SimulationModel.Levels[agent.Level] },
                    { TelemetryNames.Variant, variant },
                    { TelemetryNames.Replication, result.Replication },
                };
                QueueLength.Record(a.MeanQueueLength, tags);
                Utilisation.Record(a.Utilisation, tags);
            }
        }
    }

    private static TagList ProcessTags(ProcessModel process, string variant, int replication) => new()
    {
        { TelemetryNames.Process, process.Id },
        { TelemetryNames.Variant, variant },
        { TelemetryNames.Replication, replication },
    };
}
