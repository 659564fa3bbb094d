using System.Globalization;
using IsdnSim.Runner.Hosting;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Cli;

/// <summary>
/// isdnsim calibrate end to end on the plans of <see cref="Validation.ShareFinishedByTests"/>: a
/// law obliges towns a, b and c to make a plan on day 0; the district's one-post office does
/// them in turn on a continuous calendar, so with an effort of E working days (= E calendar days)
/// they finish on days E, 2E and 3E, nothing random: the mean lead time is exactly 2E. The
/// uncertain effort is uniform on [4wd, 20wd]; the first 16 points of the one-dimensional Sobol'
/// sequence are the multiples of 1/16 (in the order 0, 1/2, 3/4, 1/4, 3/8, 7/8, 5/8, ...), so the
/// sampled efforts are 4, 5, ..., 19 wd.
/// </summary>
public sealed class CalibrateCliTests : CliTest
{
    private static string Scenario(bool uncertain = true) => Validation.ShareFinishedByTests.Yaml() + (uncertain ? """

        uncertain:
          processes.heat-plan.steps.work.effort:
            uniform: [4wd, 20wd]
            assumption: true
        """ : "\n");

    private (string Scenario, string Observed) Files(string observed, bool uncertain = true)
    {
        File.WriteAllText(Dir.File("plans.yaml"), Scenario(uncertain));
        File.WriteAllText(Dir.File("observed.csv"), "process,region,statistic,value,unit,source\n" + observed);
        return (Dir.File("plans.yaml"), Dir.File("observed.csv"));
    }

    private Task<int> Calibrate(string scenario, string observed, string outDir, params string[] more) =>
        Isdnsim(["calibrate", scenario, "--observed", observed, "--samples", "16", "--accept", "0.2", "--replications", "2", "--engine", "inprocess", "--no-progress", "--out", outDir, .. more]);

    private static Dictionary<string, string> PosteriorRow(string outDir)
    {
        var lines = File.ReadAllLines(Path.Combine(outDir, "posterior.csv"));
        return lines[0].Split(',').Zip(lines[1].Split(',')).ToDictionary(x => x.First, x => x.Second);
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public async Task Calibrate_RecoversAnEffortSetByHand_WithAnIntervalThatCoversItAndIsNarrowerThanThePrior()
    {
        // The true effort is 12 wd, so the "observed" mean is 2 x 12 = 24 days. History matching
        // (observation and discrepancy sd 10 % of 24 each, no model variance: I = |2E - 24| / (2.4 sqrt 2))
        // keeps E in 7..17 (|2E - 24| <= 10.18). The distance ((2E - 24) / 24)^2 ranks 12 first, then
        // 11 and 13, then 10 and 14 (equal: the lower design index, 10 at u = 3/8 before 14 at 5/8).
        // ABC accepts ceil(0.2 x 16) = 4: efforts 10, 11, 12, 13; their 90 % interval lies in
        // [10, 13], which covers 12 and is at most 3 of the prior's 16 wd.
        var (scenario, observed) = Files("heat-plan,,mean,24,days,set by hand\n");
        var outDir = Dir.File("out");

        var exit = await Calibrate(scenario, observed, outDir);

        exit.Should().Be(ExitCodes.Ok, Err.ToString());
        var posterior = PosteriorRow(outDir);
        posterior["parameter"].Should().Be("processes.heat-plan.steps.work.effort");
        (posterior["prior_low"], posterior["prior_high"], posterior["accepted"]).Should().Be(("4", "20", "4"));
        Number(posterior["p5"]).Should().BeInRange(10, 12);
        Number(posterior["p95"]).Should().BeInRange(12, 13);
        (Number(posterior["p95"]) - Number(posterior["p5"])).Should().BeLessThanOrEqualTo(3);
        File.ReadAllLines(Path.Combine(outDir, "accepted.csv")).Skip(1).Select(l => l.Split(',')[2]).Should().Equal("12wd", "11wd", "13wd", "10wd");

        // Before: the scenario's own 10 wd gives 20 days exactly; after: the accepted worlds' mean 2 x 11.5 = 23.
        File.ReadAllLines(Path.Combine(outDir, "fit.csv"))[1].Should().StartWith("2,heat-plan,,mean,days,24,24,2.4000000000000004,2.4000000000000004,20,20,20,23,");
        Output.Should().Contain("The data pin down processes.heat-plan.steps.work.effort");
        File.ReadAllText(Path.Combine(outDir, "calibrated-values.txt")).Should().Contain("--set processes.heat-plan.steps.work.effort=11.5wd\n");

        // calibrated.yaml is an --uncertain file the scenario accepts.
        (await Isdnsim("validate", scenario, "--uncertain", Path.Combine(outDir, "calibrated.yaml"))).Should().Be(ExitCodes.Ok, Err.ToString());
        Directory.GetFiles(outDir).Select(Path.GetFileName).Should().BeEquivalentTo(
            ["experiment.json", "scenario.yaml", "manifest.json", "posterior.csv", "fit.csv", "points.csv", "accepted.csv", "calibrated.yaml", "calibrated-values.txt", "report.html"],
            "every file is renamed into place; no temporary file is left");

        // The report says what the terminal says, and shows the fit and the posterior.
        var report = File.ReadAllText(Path.Combine(outDir, "report.html"));
        report.Should().Contain("The data pin down processes.heat-plan.steps.work.effort").And.Contain("ABC accepted the closest 4")
            .And.Contain("<table id=\"fit\"").And.Contain("<table id=\"posterior\"").And.Contain("11.5wd [");
        File.Exists(Path.Combine(outDir, "figures", "narrowing.svg")).Should().BeTrue();
    }

    [Fact]
    public async Task Sensitivity_FromPosterior_RunsEveryVariantAtTheAcceptedWorlds()
    {
        // As above, the calibration accepts efforts 12, 11, 13 and 10 wd, closest first. A second post
        // (scale_staff x2) takes two plans at once: they finish on days E, E and 2E, a mean of 4E/3
        // against 2E with one post, so the paired difference at each world is -2E/3 days and two posts
        // lower the mean lead time in all 4 worlds.
        var (scenario, observed) = Files("heat-plan,,mean,24,days,set by hand\n");
        File.AppendAllText(scenario, "\n" + """
            variants:
              - { id: status-quo, operations: [] }
              - { id: two-posts, operations: [{ op: scale_staff, role: plan, factor: 2 }] }
            """);
        (await Calibrate(scenario, observed, Dir.File("cal"))).Should().Be(ExitCodes.Ok, Err.ToString());

        var exit = await Isdnsim("sensitivity", scenario, "--from-posterior", Dir.File("cal"), "--variants", "status-quo,two-posts", "--metrics", "lead_time_mean",
            "--engine", "inprocess", "--no-progress", "--out", Dir.File("sens"));

        exit.Should().Be(ExitCodes.Ok, Err.ToString());
        var design = File.ReadAllLines(Dir.File("sens/design.csv"));
        design.Skip(1).Select(l => l.Split(',')[^1]).Should().Equal("12wd", "11wd", "13wd", "10wd");
        var differences = File.ReadAllLines(Dir.File("sens/outputs.csv")).Skip(1).Where(l => l.Contains(",two-posts,status-quo,", StringComparison.Ordinal))
            .Select(l => Number(l.Split(',')[^1])).ToList();
        differences.Should().HaveCount(4);
        differences.Zip(new[] { 12.0, 11, 13, 10 }).Should().OnlyContain(x => Math.Abs(x.First - (-2 * x.Second / 3)) < 1e-9);
        File.ReadAllLines(Dir.File("sens/robustness.csv"))[1].Should().Contain(",4,4,");
        File.ReadAllText(Dir.File("sens/indices.csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(1, "a sample of the posterior gives no indices, only the header");
        Output.Should().Contain("[51, 100] of 4 worlds that agree with the observed data");
    }

    [Fact]
    public async Task Sensitivity_FromPosterior_RefusesAFolderThatIsNotACalibrationOfThisText()
    {
        var (scenario, observed) = Files("heat-plan,,mean,200,days,far too slow\n");
        (await Calibrate(scenario, observed, Dir.File("none"))).Should().Be(ExitCodes.Ok, Err.ToString());

        (await Isdnsim("sensitivity", scenario, "--from-posterior", Dir.File("none"), "--engine", "inprocess", "--out", Dir.File("x"))).Should().Be(ExitCodes.BadInput);
        Err.ToString().Should().Contain("no world of the calibration in").And.Contain("reproduces the observed data");

        File.AppendAllText(scenario, "\n# edited\n");
        (await Isdnsim("sensitivity", scenario, "--from-posterior", Dir.File("none"), "--engine", "inprocess", "--out", Dir.File("y"))).Should().Be(ExitCodes.BadInput);
        Err.ToString().Should().Contain("calibrated another text of the scenario");

        (await Isdnsim("sensitivity", scenario, "--from-posterior", Dir.File("none"), "--samples", "8", "--out", Dir.File("z"))).Should().Be(ExitCodes.BadInput);
        Err.ToString().Should().Contain("it takes no --method, --samples, --levels or --uncertain");
        new[] { "x", "y", "z" }.Should().OnlyContain(d => !Directory.Exists(Dir.File(d)), "nothing is written for a request that cannot run");
    }

    [Fact]
    public async Task Calibrate_WhenNoWorldReproducesTheData_SaysSo_AndGivesNoPosterior()
    {
        // The longest sampled effort, 19 wd, gives a mean of 38 days; 200 observed is
        // |200 - 38| / (20 sqrt 2) = 5.7 > 3 away even there: every world is implausible.
        var (scenario, observed) = Files("heat-plan,,mean,200,days,far too slow\n");
        var outDir = Dir.File("out");

        var exit = await Calibrate(scenario, observed, outDir);

        exit.Should().Be(ExitCodes.Ok, Err.ToString());
        Output.Should().Contain("No world reproduces the data: every one of the 16 sampled worlds has an implausibility above 3");
        var posterior = PosteriorRow(outDir);
        (posterior["median"], posterior["p5"], posterior["p95"], posterior["accepted"]).Should().Be(("", "", "", "0"));
        File.Exists(Path.Combine(outDir, "calibrated.yaml")).Should().BeFalse();
        File.ReadAllText(Path.Combine(outDir, "report.html")).Should().Contain("No world reproduces the data");
        File.ReadAllLines(Path.Combine(outDir, "accepted.csv")).Should().HaveCount(1, "the header alone");
    }

    [Fact]
    public async Task Calibrate_Resumed_GivesTheSameFiles()
    {
        var (scenario, observed) = Files("heat-plan,,mean,24,days,set by hand\n");
        (await Calibrate(scenario, observed, Dir.File("a"))).Should().Be(ExitCodes.Ok, Err.ToString());

        // An interrupted calibration: half the replications stored, no results yet.
        CopyFolder(Dir.File("a"), Dir.File("b"));
        foreach (var file in Directory.GetFiles(Dir.File("b")).Where(f => !Path.GetFileName(f).StartsWith("experiment", StringComparison.Ordinal) && Path.GetFileName(f) != "scenario.yaml"))
        {
            File.Delete(file);
        }

        var stored = Directory.GetFiles(Dir.File("b/replications"), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        stored.Should().HaveCount(17 * 2);
        foreach (var file in stored.Where((_, i) => i % 2 == 0))
        {
            File.Delete(file);
        }

        var exit = await Isdnsim("calibrate", "--resume", Dir.File("b"), "--engine", "inprocess", "--no-progress");

        exit.Should().Be(ExitCodes.Ok, Err.ToString());
        Output.Should().Contain("17 replications already there");
        foreach (var name in new[] { "posterior.csv", "fit.csv", "points.csv", "accepted.csv", "calibrated.yaml", "calibrated-values.txt", "report.html" })
        {
            File.ReadAllBytes(Path.Combine(Dir.File("b"), name)).Should().Equal(File.ReadAllBytes(Path.Combine(Dir.File("a"), name)), name);
        }
    }

    [Fact]
    public async Task Calibrate_OnTheEmbeddedSilo_GivesTheSameFilesAsInProcess()
    {
        var (scenario, observed) = Files("heat-plan,,mean,24,days,set by hand\n");

        var exitA = await Calibrate(scenario, observed, Dir.File("a"));
        var exitB = await Isdnsim("calibrate", scenario, "--observed", observed, "--samples", "16", "--accept", "0.2", "--replications", "2", "--no-progress", "--out", Dir.File("b"));

        (exitA, exitB).Should().Be((ExitCodes.Ok, ExitCodes.Ok), Err.ToString());
        foreach (var name in new[] { "posterior.csv", "fit.csv", "points.csv", "accepted.csv", "calibrated.yaml", "calibrated-values.txt", "report.html" })
        {
            File.ReadAllBytes(Path.Combine(Dir.File("b"), name)).Should().Equal(File.ReadAllBytes(Path.Combine(Dir.File("a"), name)), name);
        }
    }

    [Fact]
    public async Task Calibrate_WithoutUncertainParameters_ExitsWith2()
    {
        var (scenario, observed) = Files("heat-plan,,mean,24,days,x\n", uncertain: false);

        var exit = await Calibrate(scenario, observed, Dir.File("never"));

        exit.Should().Be(ExitCodes.BadInput);
        Err.ToString().Should().Contain("declares no uncertain parameters, so there is nothing to calibrate; add an 'uncertain:' section or give --uncertain FILE");
        Directory.Exists(Dir.File("never")).Should().BeFalse();
    }

    [Fact]
    public async Task Calibrate_WithAnUnknownObservedProcess_ExitsWith2_AndWritesNothing()
    {
        var (scenario, observed) = Files("heat-plann,,mean,24,days,x\n");

        var exit = await Calibrate(scenario, observed, Dir.File("never"));

        exit.Should().Be(ExitCodes.BadInput);
        Err.ToString().Should().Contain(observed + ":2:1: error: no process 'heat-plann' in ").And.Contain($"1 problem in {observed}; nothing was run.");
        Directory.Exists(Dir.File("never")).Should().BeFalse();
    }

    [Theory]
    [InlineData(new[] { "--samples", "1" }, "--samples must be at least 2, found 1")]
    [InlineData(new[] { "--accept", "0" }, "--accept must be a fraction above 0 and at most 1, found 0")]
    [InlineData(new string[0], "--observed FILE is required")]
    public async Task Calibrate_WithBadOptions_ExitsWith2(string[] options, string message)
    {
        var (scenario, observed) = Files("heat-plan,,mean,24,days,x\n");
        string[] args = options.Length == 0
            ? ["calibrate", scenario, "--engine", "inprocess"]
            : ["calibrate", scenario, "--observed", observed, "--engine", "inprocess", .. options];

        var exit = await Isdnsim(args);

        exit.Should().Be(ExitCodes.BadInput);
        Err.ToString().Should().Contain(message);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(dir.Replace(from, to, StringComparison.Ordinal));
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
        }
    }
}
