using IsdnSim.Analysis.Engine;
using IsdnSim.Analysis.Metrics;
using IsdnSim.Kernel.Model;
using IsdnSim.Presentation.Output;
using IsdnSim.Presentation.Output.Summary;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Output;

/// <summary>
/// summary.json is written and read through <see cref="RunSummaryFile"/>: what is read back is what
/// was written, and writing it again gives the same bytes. The golden test pins the bytes themselves.
/// </summary>
public sealed class RunSummaryFileTests
{
    private static async Task<(SimulationModel Model, RunSummary Summary)> SummarizeAsync(string scenario, ScenarioOverrides overrides)
    {
        var spec = Runs.Spec(Runs.Load(scenario), overrides);
        var model = spec.Compile();
        var results = await Runs.RunAsync(new InProcessEngine(), spec);
        return (model, RunSummary.Build(model, [.. results.Select(r => ReplicationFigures.Compute(model, r))]));
    }

    [Theory]
    [InlineData("teaching.yaml", 1, null)]
    [InlineData("rural-district.yaml", 2, "austerity")]
    public async Task WriteThenRead_GivesBackTheRecord_AndWritingItAgainTheSameBytes(string scenario, int replications, string? variant)
    {
        using var dir = new TempDirectory();
        var (model, summary) = await SummarizeAsync(scenario, new ScenarioOverrides(Seed: 7, Replications: replications, Variant: variant));
        ResultWriter.WriteSummary(dir.File("summary.json"), model, summary);

        var read = RunSummaryFile.Read(dir.File("summary.json"));
        read.Should().BeEquivalentTo(RunSummaryFile.From(model, summary), o => o.WithStrictOrdering());
        read.Variant.Should().Be(variant);
        read.Bottlenecks.ByWaitingCaused.Should().HaveCount(Math.Min(SummaryBottlenecks.Top, summary.Agencies.Count), "the summary names the top of each ranking");

        read.Write(dir.File("again.json"));
        File.ReadAllBytes(dir.File("again.json")).Should().Equal(File.ReadAllBytes(dir.File("summary.json")));
    }

    [Fact]
    public async Task Write_KeepsTheNullVariant_NullsInsideEstimates_EscapedNonAscii_AndNoFinalNewline()
    {
        using var dir = new TempDirectory();
        var (model, summary) = await SummarizeAsync("rural-district.yaml", new ScenarioOverrides(Seed: 7, Replications: 1));
        ResultWriter.WriteSummary(dir.File("summary.json"), model, summary);

        var text = File.ReadAllText(dir.File("summary.json"));
        text.Should().StartWith("{\n  \"scenario\": ").And.EndWith("\n}")
            .And.Contain("\n  \"variant\": null,\n")
            .And.Contain("\"ci95_low\": null,\n")
            .And.Contain("W\\u00E4rmeplanungsgesetz")
            .And.NotContain("\r");
        RunSummaryFile.Read(dir.File("summary.json")).Headline.ProjectsArrived.Ci95Low.Should().BeNull("one replication has no interval");
    }

    [Fact]
    public async Task AgenciesSummary_HasEveryAgency_WithItsPlaceInEachRanking_OfWhichTheSummaryListsTheTop()
    {
        using var dir = new TempDirectory();
        var (model, summary) = await SummarizeAsync("rural-district.yaml", new ScenarioOverrides(Seed: 7, Replications: 2));
        ResultWriter.WriteSummary(dir.File("summary.json"), model, summary);
        ResultWriter.WriteAgenciesSummary(dir.File("agencies_summary.csv"), summary);

        var read = RunSummaryFile.Read(dir.File("summary.json"));
        var rows = ResultWriter.AgenciesSummary.Read(dir.File("agencies_summary.csv"));
        rows.Select(r => (r["agent"], r["agency"])).Should().Equal(summary.Agencies.Select(a => (a.Agent, a.Agency)), "one row per agency, in the scenario's order");
        rows.Should().OnlyContain(r => r.Long("replications") == 2);
        summary.Agencies.Count.Should().BeGreaterThan(SummaryBottlenecks.Top, "else the test would not show the cut");
        read.Bottlenecks.Listed.Should().Be(SummaryBottlenecks.Top);

        void Check(IReadOnlyList<SummaryRank> listed, IReadOnlyList<AgencyEstimates> ranking, string column)
        {
            listed.Select(r => (r.Agent, r.Agency)).Should().Equal(ranking.Take(SummaryBottlenecks.Top).Select(a => (a.Agent, a.Agency)));
            rows.Where(r => r[column].Length > 0).OrderBy(r => r.Long(column)).Select(r => (r["agent"], r["agency"]))
                .Should().Equal(ranking.Select(a => (a.Agent, a.Agency)), $"{column} places every agency of the ranking");
        }

        Check(read.Bottlenecks.ByUtilisation, summary.ByUtilisation, "rank_by_utilisation");
        Check(read.Bottlenecks.ByWaitingCaused, summary.ByWaitingCaused, "rank_by_waiting_caused");
        Check(read.Bottlenecks.CriticalPathShare, summary.ByDetermining, "rank_by_critical_path_share");
        read.Bottlenecks.ByUtilisation[0].Name.Should().Be($"{summary.ByUtilisation[0].Name} ({summary.ByUtilisation[0].Organisation})");
        var first = rows.Single(r => r["rank_by_utilisation"] == "1");
        (first.Double("utilisation"), first.Double("utilisation_low")).Should().Be((CsvTableTests.Written(summary.ByUtilisation[0].Utilisation.Mean), CsvTableTests.Written(summary.ByUtilisation[0].Utilisation.Low!.Value)));
    }
}
