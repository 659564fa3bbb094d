namespace IsdnSim.Presentation.Telemetry;

/// <summary>
/// The names under which a run shows up in OpenTelemetry: the activity source, the meter, its
/// instruments and the attributes of spans and measurements (docs/telemetry.md lists them with
/// their meaning). Days are simulated calendar days, as everywhere in IsdnSim.
/// </summary>
public static class TelemetryNames
{
    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> of the projects' traces.</summary>
    public const string Source = "IsdnSim.Simulation";

    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> of the run's figures.</summary>
    public const string Meter = "IsdnSim.Simulation";

    // Instruments.
    public const string ProjectsFinished = "isdnsim.projects.finished";
    public const string LeadTime = "isdnsim.project.lead_time";
    public const string QueueLength = "isdnsim.agency.queue_length";
    public const string Utilisation = "isdnsim.agency.utilization";

    // Attributes of the run, on every span and measurement.
    public const string Scenario = "isdnsim.scenario";
    public const string Seed = "isdnsim.seed";
    public const string Variant = "isdnsim.variant";
    public const string Replication = "isdnsim.replication";

    // Attributes of a project (root span) and of its steps.
    public const string Project = "isdnsim.project";
    public const string Process = "isdnsim.process";
    public const string Owner = "isdnsim.owner";
    public const string Shock = "isdnsim.shock";
    public const string ArrivalDay = "isdnsim.arrival_day";
    public const string FinishDay = "isdnsim.finish_day";
    public const string LeadTimeDays = "isdnsim.lead_time_days";
    public const string Unfinished = "isdnsim.unfinished";
    public const string Warmup = "isdnsim.warmup";

    // Attributes of a step (and of an agency, on measurements).
    public const string Step = "isdnsim.step";
    public const string StepKind = "isdnsim.step_kind";
    public const string Segment = "isdnsim.segment";
    public const string ByLaw = "isdnsim.by_law";
    public const string Agent = "isdnsim.agent";
    public const string Level = "isdnsim.level";
    public const string Agency = "isdnsim.agency";
    public const string Ready = "isdnsim.ready";
    public const string ReadyDay = "isdnsim.ready_day";
    public const string StartDay = "isdnsim.start_day";
    public const string EndDay = "isdnsim.end_day";
    public const string WaitDays = "isdnsim.wait_days";
    public const string WorkDays = "isdnsim.work_days";
    public const string Effort = "isdnsim.effort_working_days";

    /// <summary>The value of <see cref="Variant"/> when the scenario runs as written.</summary>
    public const string NoVariant = "none";
}
