using System.Globalization;
using IsdnSim.Presentation.Output;
using IsdnSim.Runner.Hosting;
using IsdnSim.Tests.Experiments;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Cli;

/// <summary>
/// What compare's terminal says beside the figures: over how many replications each mean is,
/// which difference is not over its means' replications, and arrivals against finished projects
/// with the variant that does not keep up named before and after the table.
/// </summary>
public sealed class ComparisonTerminalTests : CliTest
{
    [Fact]
    public async Task Compare_WhereOneVariantFinishesInMoreReplications_ShowsEachCellsCount_AndMarksTheDifference()
    {
        // One desk at 0.5 requests a day and a horizon of 2 days: in some replications nothing is
        // finished; a second person finishes something in every replication one person does, and more.
        var file = Dir.File("desk.yaml");
        File.WriteAllText(file, Queues.Desk(staff: 1, rate: 0.5, horizon: "2d", replications: 40));

        var exit = await Isdnsim("compare", file, "--variants", "as-is,one-more", "--engine", "inprocess", "--no-progress", "--out", Dir.File("cmp"));

        exit.Should().Be(ExitCodes.Ok, Err.ToString());
        var rows = ExperimentOutput.Comparison.Read(Dir.File("cmp/comparison.csv")).Where(r => r["metric"] == "lead_time_mean").ToList();
        var (one, two) = (rows[0].Long("replications_with_value"), rows[1].Long("replications_with_value"));
        one.Should().BeLessThan(two).And.BeLessThan(40);
        Output.Should().Contain($"(n={one}) │ ")
            .And.Contain($"(n={two}) │ ")
            .And.Contain($"(n={one})† │")
            .And.Contain("Warning: not every replication has a value. A replication in which a figure has nothing to measure")
            .And.Contain($"Lead time, mean (Bearbeitungsdauer): a value in {one} of 40 replications of as-is, {two} of 40 of one-more")
            .And.Contain("the mean over the rest is too low (optimistic)")
            .And.Contain($"† one-more − as-is, Lead time, mean (Bearbeitungsdauer): over the {one} replications in which both have a value (there as-is ")
            .And.Contain($"not over the {one} and {two} of the means beside it.");
    }

    [Fact]
    public async Task Compare_OfAnOverloadedVariant_NamesIt_AndShowsArrivalsAgainstFinished()
    {
        // One person at 1.35 requests a day of a day's work each: rho = 1.35, the queue grows, and
        // over 1,000 days about 1 / 1.35 = 74 % of the arrivals finish (the person's capacity);
        // two people (rho = 0.675) finish nearly all.
        var file = Dir.File("desk.yaml");
        File.WriteAllText(file, Queues.Desk(staff: 1, rate: 1.35, horizon: "1000d", replications: 2));

        var exit = await Isdnsim("compare", file, "--variants", "as-is,one-more", "--engine", "inprocess", "--no-progress", "--out", Dir.File("cmp"));

        exit.Should().Be(ExitCodes.Ok, Err.ToString());
        var digests = Experiments.Experiments.LoadCompare(Dir.File("cmp")).Values.ToList();
        string Arrivals(string cell)
        {
            var stability = digests.Where(d => d.Cell == cell).Select(d => d.Stability!).ToList();
            var (arrived, finished) = (stability.Sum(s => s.Arrived[0]), stability.Sum(s => s.ArrivedAndFinished[0]));
            return string.Create(CultureInfo.InvariantCulture, $"{finished / 2.0:0.0} of {arrived / 2.0:0.0} ({(double)finished / arrived:P1})");
        }

        var output = Output;
        var banner = output.IndexOf("Warning: as-is has an unstable queue: desk (town) saturated or growing in 2 of 2 replications.", StringComparison.Ordinal);
        banner.Should().BeGreaterThanOrEqualTo(0).And.BeLessThan(output.IndexOf("Variants against as-is", StringComparison.Ordinal), "named before the table");
        output.Should().NotContain("Warning: one-more has an unstable queue")
            .And.Contain("│ as-is (unstable │ one-more │ one-more − as-is │ │ │ in 2 of 2) │")
            .And.Contain("Arrived after the warm-up, and of these finished by the horizon (per replication, mean)")
            .And.Contain($"│ All processes │ {Arrivals("as-is")} │ {Arrivals("one-more")} │")
            .And.Contain("Warning (as-is): unstable queue: desk (town)");

        var shares = digests.GroupBy(d => d.Cell).ToDictionary(g => g.Key, g => (double)g.Sum(d => d.Stability!.ArrivedAndFinished[0]) / g.Sum(d => d.Stability!.Arrived[0]));
        shares["as-is"].Should().BeInRange(0.68, 0.8, "capacity over demand, 1 / 1.35 = 0.741, within about three standard deviations");
        shares["one-more"].Should().BeGreaterThan(0.98, "a stable queue finishes all but the few in it at the end");

        var html = File.ReadAllText(Dir.File("cmp/report.html"));
        html.Should().Contain("Warning: unstable queues").And.Contain("<table id=\"arrivals\">").And.Contain("as-is (unstable in 2 of 2): mean")
            .And.Contain("understated (unstable)").And.Contain("unstable queue</span>");
    }
}
