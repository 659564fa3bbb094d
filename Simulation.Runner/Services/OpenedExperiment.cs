using IsdnSim.Analysis.Experiments;
using IsdnSim.Kernel.Model;

namespace IsdnSim.Runner.Services;

/// <summary>An experiment compiled and its folder ready (new, or resumed with what it holds), not yet run: what a command shows before it starts.</summary>
internal sealed record OpenedExperiment<T>(ExperimentStore Store, T Experiment)
    where T : IExperiment
{
    /// <summary>The first cell's model; every cell shares its start, horizon and calendar years.</summary>
    public SimulationModel Model => Experiment.Cells[0].Model;
}
