using IsdnSim.Analysis.Engine;
using IsdnSim.Analysis.Validation;
using IsdnSim.Kernel.Model;
using IsdnSim.Runner.Options;
using IsdnSim.Scenario.Language;

namespace IsdnSim.Runner.Services;

/// <summary>A check whose scenario, observed file and output folder are in order, not yet run.</summary>
internal sealed record PreparedCheck(
    CheckSettings Settings,
    LoadedScenario Scenario,
    ObservedData Observed,
    IReadOnlyList<ObservedTarget> Targets,
    string OutDir,
    RunSpec Spec,
    SimulationModel Model)
{
    public int Replications => Model.Definition.Replications;
}
