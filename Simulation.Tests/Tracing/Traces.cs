using IsdnSim.Analysis.Engine;
using IsdnSim.Presentation.Tracing;

namespace IsdnSim.Tests.Tracing;

/// <summary>Traces a replication the way the command line does.</summary>
internal static class Traces
{
    public static async Task<TraceFile> WriteAsync(string path, RunSpec spec, ISimulationEngine? engine = null, int replication = 0, long limit = 1L << 30)
    {
        var model = spec.Compile();
        using (var writer = TraceWriter.Create(path, model, new TraceHeader(spec.ScenarioFile, spec.ScenarioHash, replication), limit))
        {
            await (engine ?? new InProcessEngine()).RunReplicationAsync(spec, model, replication, null, CancellationToken.None, writer);
            writer.Complete();
        }

        return TraceReader.Read(path);
    }
}
