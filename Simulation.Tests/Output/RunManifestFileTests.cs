using IsdnSim.Presentation.Output;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Output;

/// <summary>manifest.json is written and read through <see cref="RunManifestFile"/>: the fields every manifest starts with (<see cref="ManifestHead"/>), then the run's own.</summary>
public sealed class RunManifestFileTests
{
    private static readonly RunManifest Interrupted = new("scenarios/x.yaml", "Kreis Höxter", "abc", null, 7, 3, 3652, "orleans", 2, "0.1.0",
        new DateTimeOffset(2026, 11, 30, 8, 15, 0, TimeSpan.Zero), 1234, 56, 1.23456)
    {
        WarmupDays = 365.25,
        RequestedReplications = 10,
        StoppedBy = "interrupted",
        Reproduce = "isdnsim run scenarios/x.yaml --seed 7 --replications 3",
        SilosLost = 1,
    };

    [Fact]
    public void Write_KeepsTheFieldOrder_TheNullVariant_AndLeavesOutWhatDidNotHappen()
    {
        using var dir = new TempDirectory();
        ResultWriter.WriteManifest(dir.File("a.json"), Interrupted);
        ResultWriter.WriteManifest(dir.File("b.json"), Interrupted with { RequestedReplications = null, StoppedBy = null, Reproduce = null, SilosLost = 0 });

        var commit = ManifestHead.GitCommit is { } c ? $"\"{c}\"" : "null";
        File.ReadAllText(dir.File("a.json")).Should().Be($$"""
            {
              "program": "isdnsim",
              "program_version": "0.1.0",
              "git_commit": {{commit}},
              "command": "run",
              "created_utc": "2026-11-30T08:15:00Z",
              "scenario_file": "scenarios/x.yaml",
              "scenario_name": "Kreis H\u00F6xter",
              "scenario_sha256": "abc",
              "seed": 7,
              "replications": 3,
              "engine": "orleans",
              "silos": 2,
              "events": 1234,
              "wall_seconds": 1.235,
              "variant": null,
              "replications_requested": 10,
              "stopped_by": "interrupted",
              "reproduce": "isdnsim run scenarios/x.yaml --seed 7 --replications 3",
              "horizon_days": 3652,
              "warmup_days": 365.25,
              "silos_lost": 1,
              "replications_rerun": 0,
              "windows": 56
            }
            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        File.ReadAllText(dir.File("b.json")).Should().NotContainAny("replications_requested", "stopped_by", "reproduce", "silos_lost", "replications_rerun");
    }

    [Fact]
    public void Read_GivesBackTheWrittenFields()
    {
        using var dir = new TempDirectory();
        ResultWriter.WriteManifest(dir.File("manifest.json"), Interrupted);

        var read = RunManifestFile.Read(dir.File("manifest.json"));

        read.Should().Be(RunManifestFile.From(Interrupted));
        (read.ScenarioName, read.Variant, read.ReplicationsRequested, read.SilosLost, read.ReplicationsRerun).Should().Be(("Kreis Höxter", (string?)null, 10, 1, 0));
    }
}
