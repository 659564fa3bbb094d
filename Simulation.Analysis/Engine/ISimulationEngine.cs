using IsdnSim.Kernel.Model;
using IsdnSim.Kernel.Tracing;

namespace IsdnSim.Analysis.Engine;

/// <summary>
/// Runs one replication of a compiled model. Every engine gives byte-identical results for the
/// same inputs, and, with a <c>trace</c> sink, the same trace events in the same order.
/// </summary>
public interface ISimulationEngine
{
    /// <summary>"inprocess" or "orleans", as recorded in manifests.</summary>
    string Name { get; }

    Task<ReplicationResult> RunReplicationAsync(
        RunSpec spec,
        SimulationModel model,
        int replication,
        IProgress<ReplicationProgress>? progress,
        CancellationToken cancellationToken,
        ITraceSink? trace = null);
}
