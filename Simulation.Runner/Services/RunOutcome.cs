using IsdnSim.Analysis.Metrics;
using IsdnSim.Presentation.Tracing;
using IsdnSim.Runner.Hosting;
using IsdnSim.Runner.Telemetry;

namespace IsdnSim.Runner.Services;

/// <summary>
/// How a run ended, for the command to show: what was written, why it stopped early if it did.
/// It holds the engine, the telemetry export and the hold on interruptions until it is disposed,
/// so the command shows the outcome while they are still there.
/// </summary>
internal sealed class RunOutcome(PreparedRun run, EngineHost host, OtlpExport? telemetry, TraceWriter? trace, IDisposable? writing) : IAsyncDisposable
{
    public PreparedRun Run => run;

    public EngineHost Host => host;

    public OtlpExport? Telemetry => telemetry;

    public TraceWriter? Trace => trace;

    /// <summary>Set when the trace reached its limit: nothing was written.</summary>
    public string? Stopped { get; init; }

    /// <summary>The failure that stopped the run ("Type: message"), or null.</summary>
    public string? Failed { get; init; }

    public bool Interrupted { get; init; }

    /// <summary>The figures over the replications written; null when nothing was written.</summary>
    public RunSummary? Summary { get; init; }

    /// <summary>Replications written (0 to Written-1).</summary>
    public int Written { get; init; }

    /// <summary>Replications that finished after a gap and were left out of the folder.</summary>
    public IReadOnlyList<int> LeftOut { get; init; } = [];

    public string Reproduce { get; init; } = "";

    public double SimulatedSeconds { get; init; }

    public double TotalSeconds { get; init; }

    public bool Complete => Written == run.Replications;

    public async ValueTask DisposeAsync()
    {
        writing?.Dispose();
        trace?.Dispose();
        await host.DisposeAsync();
        telemetry?.Dispose();
    }
}
