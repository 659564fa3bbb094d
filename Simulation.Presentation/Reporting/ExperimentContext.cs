using IsdnSim.Analysis.Experiments;
using IsdnSim.Kernel.Model;
using IsdnSim.Kernel.Time;
using IsdnSim.Scenario.Variants;

namespace IsdnSim.Presentation.Reporting;

/// <summary>What reports and manifests say about an experiment besides its figures.</summary>
public static class ExperimentContext
{
    /// <param name="model">Any compiled cell of the experiment (they share start, horizon and calendar years).</param>
    public static ReportContext For(ExperimentPlan plan, SimulationModel model, int replications, bool? precisionReached, string programVersion)
    {
        var scenario = model.Definition;
        return new ReportContext(
            scenario.Name,
            Path.GetFileName(plan.ScenarioFile),
            plan.ScenarioHash,
            model.Seed,
            scenario.Start,
            model.Horizon.Days,
            model.Warmup.Days,
            Years(model),
            Variants(plan, model),
            programVersion)
        {
            Replications = replications,
            Precision = plan.Precision,
            PrecisionReached = precisionReached,
        };
    }

    /// <summary>The calendar year each of the model's simulated years starts in.</summary>
    public static IReadOnlyList<int> Years(SimulationModel model) =>
        [.. model.YearStarts.Select(d => new SimTime(d).ToDate(model.Definition.Start).Year)];

    /// <summary>The plan's variants with their definitions, as written in the scenario.</summary>
    public static IReadOnlyList<VariantInfo> Variants(ExperimentPlan plan, SimulationModel model) =>
        [.. plan.Variants.Select(id => model.Definition.Variants.Single(v => v.Id == id))
            .Select(v => new VariantInfo(v.Id, v.Name, v.Description, VariantApplier.Describe(v)))];
}
