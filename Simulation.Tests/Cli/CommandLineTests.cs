using System.Text.RegularExpressions;
using IsdnSim.Analysis.Storage;
using IsdnSim.Runner.Cli;
using IsdnSim.Runner.Hosting;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Cli;

/// <summary>The command line itself: no command, --version, and the hints after a misspelt command or option.</summary>
public sealed partial class CommandLineTests : CliTest
{
    [Fact]
    public async Task NoCommand_PrintsTheHelp_AndExitsWith2()
    {
        var exit = await Isdnsim();

        exit.Should().Be(ExitCodes.BadInput, "a script that forgot its command must not pass");
        Out.ToString().Should().StartWith("USAGE:").And.Contain("COMMANDS:").And.Contain("run <FILE>");
        Err.ToString().Should().BeEmpty();
    }

    [Fact]
    public async Task Version_PrintsTheInformationalVersion_WithTheCommitOfTheClone()
    {
        var exit = await Isdnsim("--version");

        exit.Should().Be(ExitCodes.Ok);
        Out.ToString().Should().Be(IsdnSimApp.Version + "\n");
        IsdnSimApp.Version.Should().StartWith(ProgramVersion.Text + (Path.Exists(Path.Combine(Repository.Root, ".git")) ? "+" : ""),
            "built from a clone, the SDK appends the commit");
        if (Path.Exists(Path.Combine(Repository.Root, ".git")))
        {
            IsdnSimApp.Version.Should().MatchRegex("^[0-9]+\\.[0-9]+\\.[0-9]+\\+[0-9a-f]{40}$");
        }
    }

    [Theory]
    [InlineData(new[] { "rn" }, "Unknown command 'rn'. Did you mean 'run'? See 'isdnsim --help'.")]
    [InlineData(new[] { "compaer", "x.yaml" }, "Unknown command 'compaer'. Did you mean 'compare'? See 'isdnsim --help'.")]
    [InlineData(new[] { "simulate" }, "Unknown command 'simulate'. See 'isdnsim --help'.")]
    [InlineData(new[] { "scenarios/rural-district.yaml" },
        "Unknown command 'scenarios/rural-district.yaml'. A scenario file comes after a command, e.g. 'isdnsim run scenarios/rural-district.yaml' or 'isdnsim validate scenarios/rural-district.yaml'. See 'isdnsim --help'.")]
    [InlineData(new[] { "run", "x.yaml", "--replicatons", "3" }, "Unknown option 'replicatons'. Did you mean '--replications'? See 'isdnsim run --help'.")]
    [InlineData(new[] { "sensitivity", "x.yaml", "--sampels", "3" }, "Unknown option 'sampels'. Did you mean '--samples'? See 'isdnsim sensitivity --help'.")]
    [InlineData(new[] { "replay", "t.jsonl", "--colour", "3" }, "Unknown option 'colour'. See 'isdnsim replay --help'.")]
    [InlineData(new[] { "--replications", "3" },
        "Unexpected option 'replications'. An option comes after its command; --replications goes with calibrate, check, compare, run, sensitivity and sweep. See 'isdnsim --help'.")]
    [InlineData(new[] { "--colour" }, "Unexpected option 'colour'. See 'isdnsim --help'.")]
    public async Task AMisspeltCommandOrOption_GetsTheNearest_AndTheHelpOfItsCommand(string[] args, string message)
    {
        var exit = await Isdnsim(args);

        exit.Should().Be(ExitCodes.BadInput);
        Err.ToString().Should().Be($"isdnsim: error: {message}\n");
    }

    [Fact]
    public async Task TheHintsKnowEveryCommand_AndOnlyThose()
    {
        await Isdnsim("--help");

        var listed = Out.ToString().Split("COMMANDS:")[1].Split('\n').Select(l => CommandName().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value);
        CommandLineHints.Commands.Keys.Should().BeEquivalentTo(listed, "command x is class XCommand; a command named otherwise would get no hints");
        CommandLineHints.Commands["run"].Should().Contain(["replications", "variant", "engine", "trace", "help"]);
        CommandLineHints.Commands["run"].Should().NotContain("samples", "an option of sensitivity, not of run");
    }

    [GeneratedRegex("^    ([a-z]+)[ <]")]
    private static partial Regex CommandName();
}
