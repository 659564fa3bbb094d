namespace IsdnSim.Kernel.Agents;

/// <summary>
/// Everything an agent recorded in one replication, collected after the horizon. The finished
/// projects (in the order they finished) and the steps (in the order they were done) are spools,
/// which <see cref="Dispose"/> releases.
/// </summary>
public sealed record AgentResult(
    int Agent,
    AgencyStatistics[] Agencies,
    ArrivalTally[] Arrivals,
    RecordSpool<ProjectRecord> Finished,
    RecordSpool<StepRecord> Steps,
    long Events,
    AgentTallies Tallies) : IDisposable
{
    public void Dispose()
    {
        Finished.Dispose();
        Steps.Dispose();
    }
}
