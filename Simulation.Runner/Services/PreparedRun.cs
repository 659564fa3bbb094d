using IsdnSim.Analysis.Engine;
using IsdnSim.Kernel.Model;
using IsdnSim.Runner.Options;
using IsdnSim.Runner.Telemetry;
using IsdnSim.Scenario.Language;

namespace IsdnSim.Runner.Services;

/// <summary>A run checked and compiled, not yet started: what <see cref="RunService.RunAsync"/> needs, and what a command shows before it starts.</summary>
internal sealed record PreparedRun(
    RunSettings Settings,
    LoadedScenario Scenario,
    string OutDir,
    RunSpec Spec,
    SimulationModel Model,
    Uri? Otlp)
{
    /// <summary>The checks of the file's other variants, made while the run goes on; nothing is written before they pass.</summary>
    public DeferredVariantChecks OtherVariants { get; init; } = DeferredVariantChecks.None;

    public int Replications => Model.Definition.Replications;

    /// <summary>The replication --trace writes.</summary>
    public int Traced => Settings.TraceReplication ?? 0;

    public OtlpExport? StartTelemetry() => Otlp is null
        ? null
        : OtlpExport.Start(Otlp, OtlpExport.ParseProtocol(Settings.OtlpProtocol ?? "grpc")!.Value, Settings.TraceRuntime,
            series: (long)Math.Max(Model.Agents.Sum(a => a.Agencies.Count), Model.Processes.Count) * Replications);
}
