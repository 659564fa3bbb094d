using IsdnSim.Runner.Cli;
using IsdnSim.Runner.Display;
using IsdnSim.Runner.Hosting;
using IsdnSim.Tests.Support;
using static IsdnSim.Tests.Support.ScriptedConsole;

namespace IsdnSim.Tests.Cli;

/// <summary>
/// A file that is not there, or a date the trace does not cover: a plain message with the
/// nearest file that is there, in the style the path was typed, and exit 2; no position that
/// does not exist, no .NET exception text, no silent clamping.
/// </summary>
public sealed class MissingInputCliTests : CliTest
{
    [Fact]
    public async Task AMisspeltScenario_IsNotFound_WithTheNearestFileOfItsFolder()
    {
        File.Copy(Repository.Scenario("mmc.yaml"), Dir.File("rural-district.yaml"));
        var typed = Dir.File("rural-distrct.yaml");

        var exit = await Isdnsim("validate", typed);

        exit.Should().Be(ExitCodes.BadInput);
        Err.ToString().Should().Be($"{typed}: error: file not found; did you mean '{Dir.File("rural-district.yaml")}'?\n1 problem in {typed}; nothing was run.\n");
    }

    [Fact]
    public async Task ARelativePath_GetsARelativeSuggestion()
    {
        File.Copy(Repository.Scenario("mmc.yaml"), Dir.File("teaching.yaml"));
        var folder = Path.GetRelativePath(Environment.CurrentDirectory, Dir.Path);

        var exit = await Isdnsim("run", Path.Join(folder, "teachng.yaml"), "--engine", "inprocess");

        exit.Should().Be(ExitCodes.BadInput);
        Err.ToString().Should().StartWith($"{Path.Join(folder, "teachng.yaml")}: error: file not found; did you mean '{Path.Join(folder, "teaching.yaml")}'?\n");
    }

    [Fact]
    public async Task AMisspeltFolder_IsNamed_AndTheFileInTheNearestFolderSuggested()
    {
        Directory.CreateDirectory(Dir.File("scenarios"));
        File.Copy(Repository.Scenario("mmc.yaml"), Dir.File("scenarios/mmc.yaml"));
        var typed = Path.Join(Dir.Path, "scenario", "mmc.yaml");

        var exit = await Isdnsim("variants", typed);

        exit.Should().Be(ExitCodes.BadInput);
        Err.ToString().Should().Be($"{typed}: error: file not found (a folder on its path does not exist); did you mean '{Dir.File("scenarios/mmc.yaml")}'?\n" +
                                   $"1 problem in {typed}; nothing was run.\n");
    }

    [Fact]
    public async Task AFileWithNothingNearIt_IsJustNotFound()
    {
        File.WriteAllText(Dir.File("notes.txt"), "");

        var exit = await Isdnsim("validate", Dir.File("germany.yaml"));

        exit.Should().Be(ExitCodes.BadInput);
        Err.ToString().Should().Be($"{Dir.File("germany.yaml")}: error: file not found\n1 problem in {Dir.File("germany.yaml")}; nothing was run.\n");
    }

    [Fact]
    public async Task AMisspeltObservedDataFile_IsNotFound_WithTheNearestFile()
    {
        File.Copy(Path.Combine(Repository.Root, "data", "observed", "rural-district.csv"), Dir.File("rural-district.csv"));

        var exit = await Isdnsim("check", Repository.Scenario("rural-district.yaml"), "--observed", Dir.File("rural-distric.csv"), "--engine", "inprocess");

        exit.Should().Be(ExitCodes.BadInput);
        Err.ToString().Should().StartWith($"{Dir.File("rural-distric.csv")}: error: file not found; did you mean '{Dir.File("rural-district.csv")}'?\n");
    }

    [Fact]
    public async Task AMissingTrace_GetsAPlainMessage_AndTheNearestTrace()
    {
        File.WriteAllText(Dir.File("status-quo.jsonl"), "");

        var near = await Isdnsim("replay", Dir.File("status-qou.jsonl"), "--at", "2025-03-01");
        var nothing = await Isdnsim("replay", Dir.File("elsewhere/democratisation.jsonl"));
        var folder = await Isdnsim("replay", Dir.Path);

        (near, nothing, folder).Should().Be((ExitCodes.BadInput, ExitCodes.BadInput, ExitCodes.BadInput));
        Err.ToString().Should().Be(
            $"{Dir.File("status-qou.jsonl")}: error: file not found; did you mean '{Dir.File("status-quo.jsonl")}'?\n" +
            $"{Dir.File("elsewhere/democratisation.jsonl")}: error: file not found (a folder on its path does not exist)\n" +
            $"{Dir.Path}: error: '{Dir.Path}' is a folder, not a trace file\n");
    }

    [Fact]
    public async Task AMisspeltExperimentFolder_ToResume_GetsTheNearestFolder()
    {
        Directory.CreateDirectory(Dir.File("rural-district-compare"));
        File.WriteAllText(Dir.File("rural-district-compar.txt"), "a file, not a folder: not suggested");

        var exit = await Isdnsim("compare", "--resume", Dir.File("rural-district-compar"));

        exit.Should().Be(ExitCodes.BadInput);
        Err.ToString().Should().Be($"isdnsim: error: --resume: '{Dir.File("rural-district-compar")}' does not exist; did you mean '{Dir.File("rural-district-compare")}'?\n");
    }

    [Theory]
    [InlineData("2024-12-31")]
    [InlineData("2025-04-02")]
    [InlineData("2040-01-01")]
    public async Task ReplayAt_OutsideTheHorizon_SaysSo_WithTheHorizon(string date)
    {
        var trace = await TeachingTrace();

        var exit = await Isdnsim("replay", trace, "--at", date);

        exit.Should().Be(ExitCodes.BadInput);
        Err.ToString().Should().Be($"isdnsim: error: --at: {date} is outside the horizon of the trace, 2025-01-01 to 2025-04-01; give a date within it\n");
        Out.ToString().Should().BeEmpty();
    }

    [Theory]
    [InlineData("2025-01-01", "day 0")]
    [InlineData("2025-04-01", "day 90")]
    public async Task ReplayAt_TheFirstAndLastDayOfTheHorizon_AreShown(string date, string day)
    {
        var trace = await TeachingTrace();

        var exit = await Isdnsim("replay", trace, "--at", date);

        exit.Should().Be(ExitCodes.Ok, Err.ToString());
        Output.Should().Contain($"{date} ({day})");
    }

    [Fact]
    public async Task TheGoToDatePrompt_RefusesADateOutsideTheHorizon()
    {
        var trace = await TeachingTrace();
        var keys = new List<ConsoleKeyInfo> { Key(ConsoleKey.G, 'g') };
        keys.AddRange(Typed("2026-01-01"));
        keys.AddRange(Typed("2025-02-01"));
        keys.Add(Key(ConsoleKey.Q, 'q'));
        var console = new ScriptedConsole(Out, keys);

        var exit = await IsdnSimApp.RunAsync(["replay", trace], new Consoles(console, Err));

        exit.Should().Be(ExitCodes.Ok, Err.ToString());
        Output.Should().Contain("2026-01-01 is outside the horizon of the trace, 2025-01-01 to 2025-04-01; give a date within it").And.Contain("2025-02-01 (day 31)");
    }

    /// <summary>The teaching scenario's first 90 days (2025-01-01 to 2025-04-01) as a trace.</summary>
    private async Task<string> TeachingTrace()
    {
        var trace = Dir.File("teaching.jsonl");
        var exit = await IsdnSimApp.RunAsync(["run", Repository.Scenario("teaching.yaml"), "--replications", "1", "--horizon", "90d", "--engine", "inprocess",
            "--trace", trace, "--out", Dir.File("results"), "--no-progress"], Consoles.Plain(new StringWriter(), Err));
        exit.Should().Be(ExitCodes.Ok, Err.ToString());
        return trace;
    }
}
