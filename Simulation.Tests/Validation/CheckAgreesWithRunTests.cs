using IsdnSim.Analysis.Engine;
using IsdnSim.Analysis.Metrics;
using IsdnSim.Analysis.Validation;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Validation;

/// <summary>
/// A check's lead times are the run's: the same replications (same seed: common random numbers),
/// the same projects (finished after the warm-up), so each process's mean, median and p90 over the
/// whole scenario equal the run summary's figures exactly, interval included.
/// </summary>
public sealed class CheckAgreesWithRunTests
{
    [Fact]
    public async Task WholeScenarioLeadTimes_EqualTheRunSummarys()
    {
        var spec = Runs.Spec(Runs.Load("rural-district.yaml"), new ScenarioOverrides(Replications: 3, HorizonDays: 730, WarmupDays: 100));
        var model = spec.Compile();
        var results = await Runs.RunAsync(new InProcessEngine(), spec);
        var summary = RunSummary.Build(model, [.. results.Select(r => ReplicationFigures.Compute(model, r))]);
        var rows = model.Processes.SelectMany(p => new[] { $"{p.Id},,mean,1,days,s", $"{p.Id},,median,1,days,s", $"{p.Id},,p90,1,days,s" });
        var targets = ObservedTarget.Resolve(ObservedData.Parse("process,region,statistic,value,unit,source\n" + string.Join("\n", rows), "obs.csv"), model, "rural-district.yaml");

        var check = ObservedCheck.Compute(targets, [.. results.Select(r => ObservedFigures.Compute(model, r, targets))]);

        foreach (var (process, figures) in summary.Processes)
        {
            var at = 3 * process.Index;
            check.Rows[at].Simulated.Should().Be(figures.LeadTimeMean, process.Id);
            check.Rows[at + 1].Simulated.Should().Be(figures.LeadTimeMedian, process.Id);
            check.Rows[at + 2].Simulated.Should().Be(figures.LeadTimeP90, process.Id);
        }
    }
}
