using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using IsdnSim.Analysis.Experiments;
using IsdnSim.Analysis.Storage;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Experiments;

/// <summary>
/// The files of an experiment folder are sealed with a checksum and say what they are a
/// replication of: an edited, misplaced or old file is set aside and computed again, an edited
/// plan is refused, and a resumed experiment ends with the bytes of an untouched one.
/// </summary>
public sealed class StoredFilesTests : IDisposable
{
    private static readonly string Desk = Queues.Desk(staff: 3, rate: 2.4, horizon: "400d", replications: 3);

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static ExperimentPlan Plan(ulong? seed = 7, string? yaml = null) =>
        Experiments.ComparePlan(yaml ?? Desk, ["as-is", "one-more"], 3, seed: seed);

    private string Replication(string experiment, string cell, int replication) => _dir.File($"{experiment}/replications/{cell}/{replication:D5}.json");

    private static string SetAside(string file, string why, string suffix = "rejected") =>
        $"{file}: {why}; set aside as {Path.GetFileName(file)}.{suffix}, the replication is computed again";

    private static Dictionary<string, byte[]> Kept(string directory) =>
        Experiments.Files(directory).Where(f => !f.Key.EndsWith(".rejected", StringComparison.Ordinal)).ToDictionary();

    /// <summary>
    /// A comparison of teaching.yaml (seed 7, two replications, a horizon of one year) written by
    /// isdnsim before its agencies became AgencyFigures and AgencyEstimates, and before the
    /// democratic-quality figures joined the headline metrics.
    /// </summary>
    private static string Earlier(string part) =>
        Path.Combine(Repository.Root, "Simulation.Tests", "Experiments", "Fixtures", "compare-before-agency-figures", part);

    [Fact]
    public async Task Resume_OfAComparisonThatMeasuredOtherMetrics_IsRefused_NamingBoth()
    {
        var folder = _dir.File("earlier");
        foreach (var file in Directory.GetFiles(Earlier("folder"), "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(folder, Path.GetRelativePath(Earlier("folder"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        var store = ExperimentStore.Open(folder);
        var act = () => Experiments.CompareAsync(store.Plan, store.ScenarioText, folder);

        (await act.Should().ThrowAsync<InvalidDataException>()).WithMessage(
            "*hold the metrics *territorial_congruence, lapsed_consultation_share*but this version of isdnsim measures *territorial_congruence, inhabitants_per_councillor, distance_to_decider_km*start a new experiment*");
        Experiments.Files(folder).Keys.Should().NotContain(k => k.EndsWith(".rejected", StringComparison.Ordinal), "nothing of the stored experiment is set aside or lost");
    }

    [Fact]
    public void Checksum_IsTheSha256OfTheCompactJsonWithoutIt_WhateverTheIndentation()
    {
        var indented = SealedJson.Write(new { Cell = "Übergabe", Value = 1.5 }, ExperimentStore.Json);
        var node = SealedJson.Parse(indented)!;

        node[SealedJson.Field]!.GetValue<string>().Should().Be(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("""{"cell":"Übergabe","value":1.5}"""))));
        indented.Should().Contain("\n  \"checksum\": ", "the checksum is the last field");
        SealedJson.Problem(node).Should().BeNull();
        SealedJson.Problem(SealedJson.Parse(node.ToJsonString())!).Should().BeNull("whitespace is not content");
        node["value"] = 15;
        SealedJson.Problem(node).Should().Be("its checksum does not match its content (edited by hand?)");
        node.Remove(SealedJson.Field);
        SealedJson.Problem(node).Should().Be("it has no checksum (an earlier version of isdnsim wrote it), so it cannot be verified");
    }

    [Fact]
    public async Task AReplicationFile_SaysWhatItIsAReplicationOf()
    {
        await Experiments.CompareAsync(Plan(), Desk, _dir.File("x"));

        var node = SealedJson.Parse(File.ReadAllText(Replication("x", "one-more", 2)))!;

        node.Select(p => p.Key).Should().Equal("format", "scenario_hash", "seed", "build", "digest", "checksum");
        node["format"]!.GetValue<int>().Should().Be(2);
        node["scenario_hash"]!.GetValue<string>().Should().Be(Plan().ScenarioHash);
        node["seed"]!.GetValue<ulong>().Should().Be(7);
        node["build"]!.GetValue<string>().Should().Be(ProgramVersion.Build);
        node["digest"]!["cell"]!.GetValue<string>().Should().Be("one-more");
        node["digest"]!["replication"]!.GetValue<int>().Should().Be(2);
        SealedJson.Problem(node).Should().BeNull();
        SealedJson.Problem(SealedJson.Parse(File.ReadAllText(_dir.File("x/experiment.json")))!).Should().BeNull();
    }

    [Fact]
    public async Task Resume_WithAMetricEditedByHand_SetsTheFileAside_AndEndsWithTheFilesOfAnUntouchedRun()
    {
        await Experiments.CompareAsync(Plan(), Desk, _dir.File("through"));
        await Experiments.CompareAsync(Plan(), Desk, _dir.File("edited"));
        var file = Replication("edited", "one-more", 1);
        Experiments.Edit(file, text =>
        {
            var node = SealedJson.Parse(text)!;
            var metrics = node["digest"]!["metrics"]!.AsArray();
            metrics[0] = metrics[0]!.GetValue<double>() * 10;
            return node.ToJsonString();
        });

        var problems = new List<string>();
        Experiments.LoadCompare(_dir.File("edited"), problems).Should().HaveCount(5);
        problems.Should().Equal(SetAside(file, "its checksum does not match its content (edited by hand?)"));
        var resumed = await Experiments.CompareAsync(Plan(), Desk, _dir.File("edited"));

        resumed.Computed.Should().Be(1);
        File.Exists(file + ".rejected").Should().BeTrue("the edited file is kept for the user to look at");
        Kept(_dir.File("edited")).Should().BeEquivalentTo(Experiments.Files(_dir.File("through")));
    }

    [Fact]
    public async Task Resume_WithFilesOfAnotherCell_Seed_OrScenario_RejectsEach_AndEndsWithTheFilesOfAnUntouchedRun()
    {
        var otherScenario = Queues.Desk(staff: 3, rate: 2.0, horizon: "400d", replications: 3);
        await Experiments.CompareAsync(Plan(), Desk, _dir.File("through"));
        await Experiments.CompareAsync(Plan(), Desk, _dir.File("mixed"));
        await Experiments.CompareAsync(Plan(seed: 9), Desk, _dir.File("seed9"));
        await Experiments.CompareAsync(Plan(yaml: otherScenario), otherScenario, _dir.File("other"));
        File.Copy(Replication("mixed", "one-more", 1), Replication("mixed", "as-is", 1), overwrite: true);
        File.Copy(Replication("seed9", "as-is", 2), Replication("mixed", "as-is", 2), overwrite: true);
        File.Copy(Replication("other", "one-more", 0), Replication("mixed", "one-more", 0), overwrite: true);

        var problems = new List<string>();
        Experiments.LoadCompare(_dir.File("mixed"), problems).Should().HaveCount(3);
        problems.Should().Equal(
            SetAside(Replication("mixed", "as-is", 1), "it does not hold the replication its name says (it holds replication 1 of one-more)"),
            SetAside(Replication("mixed", "as-is", 2), "it was computed with seed 9, the experiment's seed is 7"),
            SetAside(Replication("mixed", "one-more", 0), $"it was computed for another scenario (hash {Plan(yaml: otherScenario).ScenarioHash}, the experiment's is {Plan().ScenarioHash})"));
        var resumed = await Experiments.CompareAsync(Plan(), Desk, _dir.File("mixed"));

        resumed.Computed.Should().Be(3);
        Kept(_dir.File("mixed")).Should().BeEquivalentTo(Experiments.Files(_dir.File("through")));
    }

    [Fact]
    public async Task Resume_WithTheSeedEditedInThePlan_IsRefused_AndTouchesNothing()
    {
        await Experiments.CompareAsync(Plan(), Desk, _dir.File("edited"));
        Experiments.Edit(_dir.File("edited/experiment.json"), t => t.Replace("\"seed\": 7,", "\"seed\": 8,", StringComparison.Ordinal));
        var before = Experiments.Files(_dir.File("edited"));

        var act = () => Experiments.CompareAsync(Plan(), Desk, _dir.File("edited"));

        (await act.Should().ThrowAsync<InvalidDataException>()).Which.Message.Should().Be(
            $"{_dir.File("edited/experiment.json")} was edited since the experiment started (its checksum does not match its content). Its replications were computed " +
            "for the plan as it was; resuming with the edited one (another seed, say) would mix replications of two experiments: start a new experiment instead");
        Experiments.Files(_dir.File("edited")).Should().BeEquivalentTo(before);
    }

    [Fact]
    public async Task Resume_WithAnotherSeedInAPlanWhoseChecksumFits_ComputesEveryReplicationAgain_NeverAMix()
    {
        await Experiments.CompareAsync(Plan(seed: 8), Desk, _dir.File("seed8"));
        await Experiments.CompareAsync(Plan(), Desk, _dir.File("changed"));
        Experiments.Edit(_dir.File("changed/experiment.json"), t => t.Replace("\"seed\": 7,", "\"seed\": 8,", StringComparison.Ordinal), reseal: true);

        var problems = new List<string>();
        Experiments.LoadCompare(_dir.File("changed"), problems).Should().BeEmpty();
        problems.Should().HaveCount(6).And.OnlyContain(p => p.Contains(": it was computed with seed 7, the experiment's seed is 8; set aside as "));
        var resumed = await Experiments.CompareAsync(Plan(), Desk, _dir.File("changed"));

        resumed.Computed.Should().Be(6);
        Kept(_dir.File("changed")).Should().BeEquivalentTo(Experiments.Files(_dir.File("seed8")), "the plan is now that of seed 8, and so is every replication");
    }

    [Fact]
    public async Task Resume_WithFilesOfAnEarlierVersion_WarnsOfThePlan_AndComputesEveryReplicationAgain()
    {
        await Experiments.CompareAsync(Plan(), Desk, _dir.File("through"));
        await Experiments.CompareAsync(Plan(), Desk, _dir.File("old"));
        Experiments.Edit(_dir.File("old/experiment.json"), text =>
        {
            var plan = SealedJson.Parse(text)!;
            plan.Remove(SealedJson.Field);
            return plan.ToJsonString(ExperimentStore.Json);
        });
        var files = Directory.GetFiles(_dir.File("old/replications"), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            // An earlier version wrote the bare digest.
            Experiments.Edit(file, text => SealedJson.Parse(text)!["digest"]!.ToJsonString());
        }

        var warnings = new List<string>();
        var store = ExperimentStore.Open(_dir.File("old"), warnings);
        var problems = new List<string>();
        store.LoadFinished(CompareExperiment.Prepare(store.Plan, store.ScenarioText), problems).Should().BeEmpty();
        warnings.Should().Equal($"{_dir.File("old/experiment.json")} has no checksum (an earlier version of isdnsim wrote it), so an edit to it cannot be detected; it is taken as it is");
        problems.Should().Equal(files.Select(f => SetAside(f, "it has no checksum (an earlier version of isdnsim wrote it), so it cannot be verified")));
        var resumed = await Experiments.CompareAsync(Plan(), Desk, _dir.File("old"));

        resumed.Computed.Should().Be(6);
        Kept(_dir.File("old")).Where(f => f.Key != ExperimentStore.PlanFile)
            .Should().BeEquivalentTo(Experiments.Files(_dir.File("through")).Where(f => f.Key != ExperimentStore.PlanFile));
    }
}
