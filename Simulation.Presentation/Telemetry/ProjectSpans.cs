using System.Diagnostics;
using System.Globalization;
using IsdnSim.Analysis.Engine;
using IsdnSim.Kernel.Agents;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Model;
using IsdnSim.Kernel.Time;

namespace IsdnSim.Presentation.Telemetry;

/// <summary>
/// Turns a replication's projects into traces: one per project, its root span from arrival to
/// finish, and under it one span per step (or segment of a step) from the start of work to done.
/// A project unfinished at the horizon ends there, marked <see cref="TelemetryNames.Unfinished"/>;
/// one that has not finished a single step by then left no record and has no trace.
/// </summary>
internal static class ProjectSpans
{
    public static void Emit(SimulationModel model, ReplicationResult result)
    {
        if (!SimulationTelemetry.Source.HasListeners())
        {
            return;
        }

        var finished = result.Projects.ToDictionary(p => p.Id);
        var steps = result.Steps
            .GroupBy(s => s.Project)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.Step).ThenBy(s => s.Segment).ToArray());
        var context = new RunContext(model, result, new ProjectNames(model), TelemetryIds.Run(model, result.Replication));

        // A root span must not take the caller's activity (an Orleans call's, with --trace-runtime) for its parent.
        // Each span becomes Activity.Current while it is open; the caller's is restored even if an exporter throws.
        var outer = Activity.Current;
        try
        {
            Activity.Current = null;
            foreach (var id in finished.Keys.Union(steps.Keys).Order())
            {
                EmitProject(context, id, finished.TryGetValue(id, out var record) ? record : null, steps.GetValueOrDefault(id, []));
            }
        }
        finally
        {
            Activity.Current = outer;
        }
    }

    private static void EmitProject(RunContext run, ProjectId id, ProjectRecord? record, StepRecord[] steps)
    {
        var model = run.Model;
        var process = model.Processes[id.Process];
        var owner = model.Agents[id.Owner];
        var key = TelemetryIds.Project(run.Key, model, id);
        var traceId = TelemetryIds.Trace(key);
        var arrival = record?.Arrival ?? steps[0].ProjectArrival;
        var end = record?.Finish ?? run.Result.HorizonDays;
        var (startAt, endAt) = Interval(model, arrival, end);

        var root = ActivityIds.StartRoot(SimulationTelemetry.Source, process.Id, traceId, startAt);
        if (root is null)
        {
            return;
        }

        var rootId = TelemetryIds.Root(key);
        ActivityIds.SetSpanId(root, rootId);
        var name = run.Names.Of(id);
        if (root.IsAllDataRequested)
        {
            run.TagRun(root);
            root.SetTag(TelemetryNames.Project, name);
            root.SetTag(TelemetryNames.Process, process.Id);
            root.SetTag(TelemetryNames.Owner, owner.Id);
            root.SetTag(TelemetryNames.Level, SimulationModel.Levels[owner.Level]);
            if (id.Shock >= 0)
            {
                root.SetTag(TelemetryNames.Shock, model.Definition.Shocks[id.Shock].Id);
            }

            root.SetTag(TelemetryNames.ArrivalDay, arrival);
            root.SetTag(TelemetryNames.Unfinished, record is null);
            if (record is { } r)
            {
                root.SetTag(TelemetryNames.FinishDay, r.Finish);
                root.SetTag(TelemetryNames.LeadTimeDays, r.LeadTime);
                root.SetTag(TelemetryNames.Warmup, r.Finish < model.Warmup.Days);
            }
        }

        var parent = new ActivityContext(traceId, rootId, root.ActivityTraceFlags);
        foreach (var step in steps)
        {
            EmitStep(run, key, parent, name, process, step);
        }

        root.SetEndTime(endAt.UtcDateTime);
        root.Stop();
    }

    private static void EmitStep(RunContext run, ulong projectKey, ActivityContext parent, string project, ProcessModel process, StepRecord s)
    {
        var model = run.Model;
        var step = process.Steps[s.Step];
        var (startAt, endAt) = Interval(model, s.Start, s.End);
        var span = SimulationTelemetry.Source.StartActivity($"{process.Id}/{step.Id}", ActivityKind.Internal, parent, startTime: startAt);
        if (span is null)
        {
            return;
        }

        ActivityIds.SetSpanId(span, TelemetryIds.Step(projectKey, step.IdHash, s.Segment));
        if (span.IsAllDataRequested)
        {
            var agent = model.Agents[s.Agent];
            run.TagRun(span);
            span.SetTag(TelemetryNames.Project, project);
            span.SetTag(TelemetryNames.Process, process.Id);
            span.SetTag(TelemetryNames.Step, step.Id);
            span.SetTag(TelemetryNames.StepKind, StepKinds.Name(step.Kind));
            if (s.Segment >= 0)
            {
                span.SetTag(TelemetryNames.Segment, s.Segment);
            }

            if (s.ByLaw)
            {
                span.SetTag(TelemetryNames.ByLaw, true);
            }

            span.SetTag(TelemetryNames.Agent, agent.Id);
            span.SetTag(TelemetryNames.Level, SimulationModel.Levels[agent.Level]);
            span.SetTag(TelemetryNames.Agency, agent.Agencies[s.Agency].Id);
            span.SetTag(TelemetryNames.Ready, new SimTime(s.Ready).ToInstant(model.Start).ToString("O", CultureInfo.InvariantCulture));
            span.SetTag(TelemetryNames.ReadyDay, s.Ready);
            span.SetTag(TelemetryNames.StartDay, s.Start);
            span.SetTag(TelemetryNames.EndDay, s.End);
            span.SetTag(TelemetryNames.WaitDays, s.Start - s.Ready);
            span.SetTag(TelemetryNames.WorkDays, s.End - s.Start);
            span.SetTag(TelemetryNames.Effort, s.Effort);
        }

        span.SetEndTime(endAt.UtcDateTime);
        span.Stop();
    }

    /// <summary>
    /// The calendar instants of days <paramref name="from"/> and <paramref name="to"/>. Activity.Stop
    /// takes a span without duration for one never ended and ends it at the wall clock, so a span
    /// of no simulated time starts one tick (100 ns) before its end, which stays exact.
    /// </summary>
    private static (DateTimeOffset Start, DateTimeOffset End) Interval(SimulationModel model, double from, double to)
    {
        var start = new SimTime(from).ToInstant(model.Start);
        var end = new SimTime(to).ToInstant(model.Start);
        return (end > start ? start : end.AddTicks(-1), end);
    }

    /// <summary>What every span of one replication shares.</summary>
    private sealed record RunContext(SimulationModel Model, ReplicationResult Result, ProjectNames Names, ulong Key)
    {
        private readonly string _variant = Model.Definition.AppliedVariant ?? TelemetryNames.NoVariant;
        private readonly string _seed = Model.Seed.ToString(CultureInfo.InvariantCulture);

        public void TagRun(Activity activity)
        {
            activity.SetTag(TelemetryNames.Scenario, Model.Definition.Name);
            activity.SetTag(TelemetryNames.Seed, _seed);
            activity.SetTag(TelemetryNames.Variant, _variant);
            activity.SetTag(TelemetryNames.Replication, Result.Replication);
        }
    }
}
