using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using IsdnSim.Runner.Cli;
using IsdnSim.Runner.Display;
using IsdnSim.Runner.Hosting;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Golden;

/// <summary>
/// The result files of a fixed set of runs, held as SHA-256 digests in golden-outputs.json: a
/// refactoring (the renovation of issue 9, a faster kernel) must leave them byte-identical. A
/// change that is meant to move results (a new mechanism, a new figure) rewrites the digests
/// with ISDNSIM_GOLDEN_WRITE=1 and says so in its commit. Fields that name the program's
/// version or the path the scenario was given by are masked; nothing else is.
/// </summary>
public sealed partial class GoldenOutputTests
{
    private static readonly object WriteGate = new();

    private static readonly string[] ResultFiles = ["summary.json", "projects.csv", "agencies.csv", "agencies_by_year.csv", "agencies_summary.csv", "README.txt", "datapackage.json"];

    private static string DigestFile => Path.Combine(Repository.Root, "Simulation.Tests", "Golden", "golden-outputs.json");

    public static TheoryData<string, string, string?> Runs => new()
    {
        { "rural-status-quo", "rural-district.yaml", null },
        { "rural-austerity", "rural-district.yaml", "austerity" },
        { "rural-democratisation", "rural-district.yaml", "democratisation" },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public async Task ResultFiles_AreTheRecordedOnes(string name, string scenario, string? variant)
    {
        using var dir = new TempDirectory();
        string[] args = ["run", Repository.Scenario(scenario), "--seed", "7", "--engine", "inprocess", "--no-progress", "--out", dir.File("out")];
        await RunAsync(variant is null ? args : [.. args, "--variant", variant]);

        Check(ResultFiles.ToDictionary(f => $"{name}/{f}", f => Digest(File.ReadAllText(dir.File("out/" + f)))));
    }

    [Fact]
    public async Task TheTeachingTrace_IsTheRecordedOne()
    {
        using var dir = new TempDirectory();
        await RunAsync(["run", Repository.Scenario("teaching.yaml"), "--seed", "7", "--engine", "inprocess", "--no-progress", "--out", dir.File("out"), "--trace", dir.File("teaching.jsonl")]);

        var lines = File.ReadAllText(dir.File("teaching.jsonl"));
        var header = lines[..lines.IndexOf('\n', StringComparison.Ordinal)];
        Check(new Dictionary<string, string>
        {
            ["teaching/trace-header"] = Digest(header),
            ["teaching/trace-events"] = Digest(lines[(header.Length + 1)..]),
        });
    }

    private static async Task RunAsync(string[] args)
    {
        var err = new StringWriter();
        var exit = await IsdnSimApp.RunAsync(args, Consoles.Plain(new StringWriter(), err));
        exit.Should().Be(ExitCodes.Ok, err.ToString());
    }

    private static string Digest(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Masked().Replace(text, "\"$1\":\"*\""))));

    private static void Check(Dictionary<string, string> actual)
    {
        if (Environment.GetEnvironmentVariable("ISDNSIM_GOLDEN_WRITE") == "1")
        {
            lock (WriteGate)
            {
                var all = File.Exists(DigestFile) ? JsonSerializer.Deserialize<SortedDictionary<string, string>>(File.ReadAllText(DigestFile))! : [];
                foreach (var (key, value) in actual)
                {
                    all[key] = value;
                }

                File.WriteAllText(DigestFile, JsonSerializer.Serialize(all, new JsonSerializerOptions { WriteIndented = true }) + "\n");
            }

            return;
        }

        var recorded = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(DigestFile))!;
        foreach (var (key, value) in actual)
        {
            recorded.Should().ContainKey(key);
            value.Should().Be(recorded[key], $"{key} must be byte-identical to the recorded run (if the change is meant to move results, rewrite the digests with ISDNSIM_GOLDEN_WRITE=1 and say so)");
        }
    }

    /// <summary>"program_version": "...", "file": "..." (with or without a space after the colon): all that may differ between builds and checkouts.</summary>
    [GeneratedRegex("\"(program_version|file)\":\\s?\"[^\"]*\"")]
    private static partial Regex Masked();
}
