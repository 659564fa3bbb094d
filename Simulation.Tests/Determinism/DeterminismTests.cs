using System.Globalization;
using IsdnSim.Analysis.Engine;
using IsdnSim.Grains;
using IsdnSim.Grains.Hosting;
using IsdnSim.Tests.Support;
using Orleans.Concurrency;

namespace IsdnSim.Tests.Determinism;

/// <summary>
/// A run is a pure function of (scenario, seed, replication): the result files are the same to
/// the byte on a second run, on the in-process engine, on one silo and on two silos.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class DeterminismTests(OneSiloCluster oneSilo, TwoSiloCluster twoSilos)
{
    public static TheoryData<string> Scenarios => new() { "rural-district.yaml", "mmc.yaml" };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task SameSeedTwice_GivesByteIdenticalFiles(string scenario)
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        var spec = Spec(scenario);

        var a = await Runs.RunToFilesAsync(new InProcessEngine(), spec, first.File("out"));
        var b = await Runs.RunToFilesAsync(new InProcessEngine(), spec, second.File("out"));

        string[] files = ["summary.json", "projects.csv", "agencies.csv", "agencies_by_year.csv", "agencies_summary.csv", "README.txt", "datapackage.json"];
        a.Keys.Should().BeEquivalentTo(spec.Compile().Definition.Costs is null ? files : [.. files, "costs.csv"], "costs.csv comes with a costs section");
        AssertSameBytes(a, b);
    }

    [Fact]
    public async Task DifferentSeeds_GiveDifferentProjects()
    {
        using var dir = new TempDirectory();
        var a = await Runs.RunToFilesAsync(new InProcessEngine(), Spec("rural-district.yaml"), dir.File("a"));
        var b = await Runs.RunToFilesAsync(new InProcessEngine(), Spec("rural-district.yaml", seed: 43), dir.File("b"));

        a["projects.csv"].Should().NotEqual(b["projects.csv"]);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task InProcessAndOneSilo_GiveByteIdenticalFiles(string scenario)
    {
        using var dir = new TempDirectory();
        var spec = Spec(scenario);

        var inProcess = await Runs.RunToFilesAsync(new InProcessEngine(), spec, dir.File("inprocess"));
        var orleans = await Runs.RunToFilesAsync(new OrleansEngine(oneSilo.Cluster.Client), spec, dir.File("orleans"));

        AssertSameBytes(inProcess, orleans);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task RecordsHandedOverBySilosBesideTheEngine_GiveByteIdenticalFiles(string scenario)
    {
        using var dir = new TempDirectory();
        var spec = Spec(scenario);
        var beside = new OrleansEngine(oneSilo.Cluster.Client, oneSilo.LocalSilo(0));

        // Two silos with the engine beside the first: a replication placed there hands its records
        // over, one placed on the second is read page by page (placement hashes a random run key).
        var mixed = new OrleansEngine(twoSilos.Cluster.Client, twoSilos.LocalSilo(0));
        var inProcess = await Runs.RunToFilesAsync(new InProcessEngine(), spec, dir.File("inprocess"));
        var handedOver = await Runs.RunToFilesAsync(beside, spec, dir.File("handed-over"));
        var both = await Runs.RunToFilesAsync(mixed, spec, dir.File("mixed"));

        AssertSameBytes(inProcess, handedOver);
        AssertSameBytes(inProcess, both);
        beside.HandedOver.Should().BeGreaterThan(0);
        (oneSilo.LocalSilo(0).Records.Waiting, twoSilos.LocalSilo(0).Records.Waiting, twoSilos.LocalSilo(1).Records.Waiting)
            .Should().Be((0, 0, 0), "every group's results were taken by the engine or released by the group");
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task OneSiloAndTwoSilos_GiveByteIdenticalFiles(string scenario)
    {
        using var dir = new TempDirectory();
        var spec = Spec(scenario);

        var one = await Runs.RunToFilesAsync(new OrleansEngine(oneSilo.Cluster.Client), spec, dir.File("one"));
        var two = await Runs.RunToFilesAsync(new OrleansEngine(twoSilos.Cluster.Client), spec, dir.File("two"));

        AssertSameBytes(one, two);
    }

    [Fact]
    public async Task Trace_IsByteIdentical_InProcess_OnOneSilo_AndOnTwoSilos()
    {
        using var dir = new TempDirectory();
        var spec = Runs.Spec(Runs.Load("rural-district.yaml"), new ScenarioOverrides(HorizonDays: 365));

        await Tracing.Traces.WriteAsync(dir.File("inprocess.jsonl"), spec, replication: 1);
        await Tracing.Traces.WriteAsync(dir.File("one.jsonl"), spec, new OrleansEngine(oneSilo.Cluster.Client), replication: 1);
        await Tracing.Traces.WriteAsync(dir.File("two.jsonl"), spec, new OrleansEngine(twoSilos.Cluster.Client), replication: 1);

        var expected = await File.ReadAllBytesAsync(dir.File("inprocess.jsonl"));
        expected.Length.Should().BeGreaterThan(1_000_000, "a year of the rural district is thousands of events");
        (await File.ReadAllBytesAsync(dir.File("one.jsonl"))).Should().Equal(expected);
        (await File.ReadAllBytesAsync(dir.File("two.jsonl"))).Should().Equal(expected);
    }

    [Fact]
    public async Task Comparison_OnTwoSilos_GivesTheSameFilesAsInProcess()
    {
        using var dir = new TempDirectory();
        var yaml = Experiments.Queues.Desk(staff: 3, rate: 2.4, horizon: "300d", replications: 3);
        var plan = Experiments.Experiments.ComparePlan(yaml, ["as-is", "one-more", "one-less"], 3);

        await Experiments.Experiments.CompareAsync(plan, yaml, dir.File("inprocess"));
        await Experiments.Experiments.CompareAsync(plan, yaml, dir.File("two-silos"), new OrleansEngine(twoSilos.Cluster.Client));

        AssertSameBytes(Experiments.Experiments.Files(dir.File("inprocess")), Experiments.Experiments.Files(dir.File("two-silos")));
    }

    [Fact]
    public async Task TwoSilos_RunReplicationsSideBySide_EachWithAllItsAgentsOnOneSilo()
    {
        // Otherwise the two-silo comparison above would prove nothing about distribution. The runs
        // are driven through the grains directly, so the agents can be found before release.
        var spec = Spec("rural-district.yaml");
        var client = twoSilos.Cluster.Client;
        var coordinators = Enumerable.Range(0, 8).Select(r => client.GetGrain<IRunCoordinatorGrain>($"placement/{r}")).ToList();
        var groups = (await Task.WhenAll(coordinators.Select((c, r) => c.Start(spec.AsImmutable(), r, trace: false)))).Select(s => s.Groups).ToArray();

        var management = client.GetGrain<IManagementGrain>(0);
        var runsPerSilo = new List<HashSet<string>>();
        foreach (var silo in twoSilos.Cluster.Silos)
        {
            var stats = await management.GetDetailedGrainStatistics(null, [silo.SiloAddress]);
            runsPerSilo.Add([.. stats.Select(x => x.GrainId.Key.ToString()!).Where(k => k.StartsWith("placement/", StringComparison.Ordinal))
                .Select(ReplicationPlacementDirector.RunOf)]);
            stats.Count(x => x.GrainType.Contains(nameof(AgentGroupGrain), StringComparison.Ordinal) && x.GrainId.Key.ToString()!.StartsWith("placement/", StringComparison.Ordinal))
                .Should().Be(runsPerSilo[^1].Sum(run => groups[int.Parse(run[10..], CultureInfo.InvariantCulture)]), "every agent group of a run is where its run is");
        }

        await Task.WhenAll(coordinators.Select(c => c.Release()));
        runsPerSilo.Should().HaveCount(2).And.OnlyContain(runs => runs.Count > 0, "eight runs hash onto both silos");
        runsPerSilo[0].Should().NotIntersectWith(runsPerSilo[1], "no run is split over silos");
        runsPerSilo.Sum(r => r.Count).Should().Be(8);
    }

    private static RunSpec Spec(string scenario, ulong? seed = null)
    {
        // Short horizons keep the suite quick; determinism does not need ten years.
        var overrides = scenario == "mmc.yaml"
            ? new ScenarioOverrides(Seed: seed, Replications: 3, HorizonDays: 2000)
            : new ScenarioOverrides(Seed: seed, Replications: 3, HorizonDays: 3 * 365);
        return Runs.Spec(Runs.Load(scenario), overrides);
    }

    private static void AssertSameBytes(Dictionary<string, byte[]> expected, Dictionary<string, byte[]> actual)
    {
        actual.Keys.Should().BeEquivalentTo(expected.Keys);
        foreach (var (name, bytes) in expected)
        {
            actual[name].Should().Equal(bytes, $"{name} must be byte-identical");
        }
    }
}
