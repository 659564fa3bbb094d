using IsdnSim.Presentation.Benchmarks;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Benchmarks;

/// <summary>BENCHMARKS.md's suite block, the previous figures beside the new, and benchmarks/suite.json.</summary>
public sealed class SuiteDocumentTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static SuiteFigures Figures(double mmcMedian, bool quick = false, string commit = "abc123", IReadOnlyList<ScalingPoint>? scaling = null) => new(
        "2026-11-30 12:00 UTC",
        commit,
        false,
        new SuiteMachine(2, "Some CPU", 24L * 1024 * 1024 * 1024, "Linux", "10.0.12", "1.00", "1.50") { Steal = "2.5 %" },
        5,
        quick,
        "bench --suite --write",
        [
            new SuiteRow("mmc-inprocess", "M/M/3, in-process: simulate", "s", new Spread(mmcMedian - 0.1, mmcMedian, mmcMedian + 0.1), new SuiteTarget(TargetBound.AtMost, 0.25)),
            new SuiteRow("rural-events", "rural district: events per second", "events/s", new Spread(800_000, 860_000, 900_000), null),
        ],
        scaling ?? [],
        ["isdnsim bench scenarios/mmc.yaml --horizon 370370d --engine inprocess --runs 5"]);

    [Fact]
    public void ReplaceBlock_ReplacesOnlyWhatIsBetweenTheMarkers()
    {
        const string document = "# Benchmarks\n\nHow to run it.\n\n<!-- suite:begin -->\nold figures\nmore old figures\n<!-- suite:end -->\n\n## Earlier\n\nkept | as | is\n";

        var replaced = BenchmarksDocument.ReplaceBlock(document, "new figures\n");

        replaced.Should().Be("# Benchmarks\n\nHow to run it.\n\n<!-- suite:begin -->\nnew figures\n<!-- suite:end -->\n\n## Earlier\n\nkept | as | is\n");
        BenchmarksDocument.ReplaceBlock(replaced, "newer").Should().Be("# Benchmarks\n\nHow to run it.\n\n<!-- suite:begin -->\nnewer\n<!-- suite:end -->\n\n## Earlier\n\nkept | as | is\n");
    }

    [Fact]
    public void ReplaceBlock_WithoutMarkers_PutsTheBlockUnderTheTitle()
    {
        BenchmarksDocument.ReplaceBlock("# Benchmarks\n\nEarlier text.\n", "figures\n")
            .Should().Be("# Benchmarks\n\n<!-- suite:begin -->\nfigures\n<!-- suite:end -->\n\nEarlier text.\n");
    }

    [Theory]
    [InlineData("# B\n<!-- suite:end -->\n<!-- suite:begin -->\n")]
    [InlineData("# B\n<!-- suite:begin -->\n<!-- suite:end -->\n<!-- suite:begin -->\n<!-- suite:end -->\n")]
    [InlineData("# B\n<!-- suite:begin -->\nno end\n")]
    public void ReplaceBlock_WithMarkersOutOfOrderOrTwice_IsAnError(string document)
    {
        var act = () => BenchmarksDocument.ReplaceBlock(document, "figures");
        act.Should().Throw<FormatException>();
    }

    [Fact]
    public void Main_PutsThePreviousMedianAndTheRatioBesideEachFigure()
    {
        var rows = SuiteTable.Main(Figures(0.30), Figures(0.24, commit: "old"));

        rows[0].Should().Equal("M/M/3, in-process: simulate", "s", "0.200", "0.300", "0.400", "0.240", "1.25", "<= 0.25 s", "no");
        rows[1].Should().Equal("rural district: events per second", "events/s", "800,000", "860,000", "900,000", "860,000", "1.00", "-", "-");
    }

    [Fact]
    public void Main_WithoutComparablePreviousFigures_LeavesTheirColumnsEmpty()
    {
        SuiteTable.Main(Figures(0.20), null)[0].Should().Equal("M/M/3, in-process: simulate", "s", "0.100", "0.200", "0.300", "-", "-", "<= 0.25 s", "yes");
        // A quick run is not compared with a full one.
        SuiteTable.Main(Figures(0.20, quick: true), Figures(0.24))[0][5].Should().Be("-");
    }

    [Fact]
    public void Scaling_ComparesEachPointWithThePreviousOne()
    {
        ScalingPoint Point(double median) => new("scaling-4x-1y", "agents", 4, 1, 800, 4000, new Spread(median, median, median));

        var rows = SuiteTable.Scaling(Figures(0.2, scaling: [Point(2.0)]), Figures(0.2, scaling: [Point(1.6)]));

        rows.Should().ContainSingle().Which.Should().Equal("4x, 1 y", "agents", "800", "1", "4,000", "2.000", "2.000", "2.000", "2,000", "1.600", "1.25");
    }

    [Fact]
    public void Block_NamesTheCommandTheMachineTheCommitAndThePreviousRun()
    {
        var block = SuiteMarkdown.Block(Figures(0.30), Figures(0.24, commit: "old"));

        block.Should().StartWith("## The benchmark suite\n")
            .And.Contain("```sh\ndotnet build -c Release\ndotnet Simulation.Runner/bin/Release/net10.0/isdnsim.dll bench --suite --write\n```")
            .And.Contain("- Machine: 2 cores (Some CPU), 24 GiB, Linux, .NET 10.0.12\n")
            .And.Contain("- Load average (1 min): 1.00 before, 1.50 after; processor time stolen by the host: 2.5 %\n")
            .And.Contain("- Commit: abc123\n")
            .And.Contain("- Previous: commit old, 2026-11-30 12:00 UTC\n")
            .And.Contain("| benchmark | unit | min | median | max | previous median | now / previous | target | met |\n|---|---|---|---|---|---|---|---|---|\n")
            .And.Contain("| M/M/3, in-process: simulate | s | 0.200 | 0.300 | 0.400 | 0.240 | 1.25 | <= 0.25 s | no |\n")
            .And.EndWith("```sh\nisdnsim bench scenarios/mmc.yaml --horizon 370370d --engine inprocess --runs 5\n```\n");
    }

    private static SuiteFigures AgainstBase(SuiteFigures figures) => figures with
    {
        Base = "commit 92a5c21abcde",
        Rows = [figures.Rows[0] with { Against = new Pairing(new Spread(0.30, 0.36, 0.50), new Spread(0.80, 0.84, 0.90)) }, figures.Rows[1]],
        Scaling = [new ScalingPoint("scaling-4x-1y", "agents", 4, 1, 800, 4000, new Spread(2, 2, 2), new Pairing(new Spread(2.5, 2.5, 2.5), new Spread(0.8, 0.8, 0.8)))],
    };

    [Fact]
    public void Main_AgainstABaseBuild_PutsTheBaseMedianAndThePairedRatioAfterThePreviousFigures()
    {
        var now = AgainstBase(Figures(0.30));

        SuiteTable.MainHeadersOf(now).Should().Equal("benchmark", "unit", "min", "median", "max", "previous median", "now / previous", "base median", "now / base (min-max)", "target", "met");
        SuiteTable.Main(now, null)[0].Should().Equal("M/M/3, in-process: simulate", "s", "0.200", "0.300", "0.400", "-", "-", "0.360", "0.84 (0.80-0.90)", "<= 0.25 s", "no");
        SuiteTable.Main(now, null)[1].Skip(7).Take(2).Should().Equal("-", "-"); // a figure not paired
        SuiteTable.Scaling(now, null)[0].TakeLast(2).Should().Equal("2.500", "0.80 (0.80-0.80)");
        SuiteTable.ScalingHeadersOf(now).TakeLast(2).Should().Equal("base median", "now / base (min-max)");
        SuiteTable.MainHeadersOf(Figures(0.30)).Should().Equal(SuiteTable.MainHeaders);
    }

    [Fact]
    public void Block_AgainstABaseBuild_NamesTheBaseAndSaysHowThePairsRan()
    {
        var block = SuiteMarkdown.Block(AgainstBase(Figures(0.30)), null);

        block.Should().Contain("- Base (paired, `--against`): commit 92a5c21abcde\n")
            .And.Contain("the two in turn and which went first alternating from round to round")
            .And.Contain("| M/M/3, in-process: simulate | s | 0.200 | 0.300 | 0.400 | - | - | 0.360 | 0.84 (0.80-0.90) | <= 0.25 s | no |\n");
        SuiteMarkdown.Block(Figures(0.30), null).Should().NotContain("Base (paired").And.NotContain("now / base");
    }

    [Fact]
    public void SuiteFile_AgainstABaseBuild_ReadsBackThePairings_AndAnOlderFileHasNone()
    {
        var path = Path.Combine(_dir.Path, "suite.json");
        var figures = AgainstBase(Figures(0.3));

        SuiteFile.Write(path, figures);
        var read = SuiteFile.Read(path)!;

        SuiteFile.Serialize(read).Should().Be(SuiteFile.Serialize(figures));
        read.Base.Should().Be("commit 92a5c21abcde");
        read.Rows[0].Against.Should().Be(figures.Rows[0].Against);
        read.Scaling[0].Against.Should().Be(figures.Scaling[0].Against);

        SuiteFile.Write(path, Figures(0.3));
        File.ReadAllText(path).Should().Contain("\"base\": null").And.Contain("\"against\": null");
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        json.Remove("base");
        foreach (var row in json["rows"]!.AsArray())
        {
            row!.AsObject().Remove("against");
        }

        File.WriteAllText(path, json.ToJsonString());
        SuiteFile.Read(path)!.Should().Match<SuiteFigures>(f => f.Base == null && f.Rows.All(r => r.Against == null));
    }

    [Fact]
    public void SuiteFile_ReadsBackWhatItWrote()
    {
        var path = Path.Combine(_dir.Path, "benchmarks", "suite.json");
        var figures = Figures(0.3, scaling: [new ScalingPoint("scaling-1x-1y", "agents, years", 1, 1, 200, 4000, new Spread(0.5, 0.6, 0.7))]);

        SuiteFile.Write(path, figures);
        var read = SuiteFile.Read(path);

        SuiteFile.Serialize(read!).Should().Be(SuiteFile.Serialize(figures));
        read!.Machine.Steal.Should().Be("2.5 %");
        File.ReadAllText(path).Should().Contain("\"bound\": \"AtMost\"").And.Contain("\"steal\": \"2.5 %\"");
        SuiteFile.Read(Path.Combine(_dir.Path, "none.json")).Should().BeNull();
    }

    [Fact]
    public void SuiteFile_WrittenBeforeStealWasKept_ReadsItAsUnknown()
    {
        var path = Path.Combine(_dir.Path, "old.json");
        SuiteFile.Write(path, Figures(0.3));
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!;
        json["machine"]!.AsObject().Remove("steal").Should().BeTrue();
        File.WriteAllText(path, json.ToJsonString());

        File.ReadAllText(path).Should().NotContain("steal");
        SuiteFile.Read(path)!.Machine.Steal.Should().Be("-");
    }

    [Fact]
    public void CpuSteal_TakesTheStolenShareOfAllTicksBetweenTwoReadings()
    {
        // user nice system idle iowait irq softirq steal guest guest_nice
        var before = CpuSteal.Parse("cpu  1000 10 200 5000 30 0 5 100 40 0");
        var after = CpuSteal.Parse("cpu  1600 10 300 5600 30 0 5 250 90 0");

        before.Should().Be((100L, 6345L));
        after.Should().Be((250L, 7795L));
        CpuSteal.Share(before, after).Should().Be("10.3 %"); // 150 of 1,450 ticks
        CpuSteal.Share(before, before).Should().Be("-");
        CpuSteal.Share(null, after).Should().Be("-");
        CpuSteal.Parse("cpu0 1000 10 200 5000 30 0 5 100 40 0").Should().BeNull();
        CpuSteal.Parse("cpu  1000 10 200").Should().BeNull();
    }
}
