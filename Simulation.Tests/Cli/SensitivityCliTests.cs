using IsdnSim.Runner.Hosting;
using IsdnSim.Tests.Experiments;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Cli;

/// <summary>isdnsim sensitivity end to end: the same files on the embedded silo as in-process, and bad input refused before anything runs.</summary>
public sealed class SensitivityCliTests : CliTest
{
    private string ScenarioFile(string text = SensitivityTests.Scenario)
    {
        var path = Dir.File("scenario.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Sensitivity_OnTheEmbeddedSilo_WritesTheSameFilesAsInProcess()
    {
        var scenario = ScenarioFile();
        string[] common = ["sensitivity", scenario, "--variants", "status-quo,half-staff", "--samples", "2", "--no-progress"];

        var exitA = await Isdnsim([.. common, "--engine", "inprocess", "--out", Dir.File("a")]);
        var exitB = await Isdnsim([.. common, "--out", Dir.File("b")]);

        (exitA, exitB).Should().Be((ExitCodes.Ok, ExitCodes.Ok), Err.ToString());
        foreach (var name in new[] { "design.csv", "runs.csv", "outputs.csv", "indices.csv", "robustness.csv" })
        {
            File.ReadAllBytes(Dir.File($"b/{name}")).Should().Equal(File.ReadAllBytes(Dir.File($"a/{name}")), name);
        }

        // Half the staff never wins (SensitivityTests); the Wilson interval of 0 wins in 8 is [0, z² / (8 + z²)] = [0, 32.4 %].
        Output.Should().Contain("half-staff lowers the lead time, mean against status-quo in 0.0 % [0, 32] of 8 plausible worlds");
    }

    [Theory]
    [InlineData("--method", "sobel", "--method must be sobol or morris, found 'sobel'")]
    [InlineData("--metrics", "lead_time_maen", "--metrics: no metric 'lead_time_maen' in this scenario; did you mean 'lead_time_mean'?")]
    [InlineData("--variants", "status-quo,half-stuff", "--variants: no variant 'half-stuff'")]
    public async Task Sensitivity_WithBadOptions_ExitsWith2_AndWritesNothing(string option, string value, string message)
    {
        var exit = await Isdnsim("sensitivity", ScenarioFile(), option, value, "--engine", "inprocess", "--no-progress", "--out", Dir.File("never"));

        exit.Should().Be(ExitCodes.BadInput);
        Unwrapped(Err).Should().Contain(message);
        Directory.Exists(Dir.File("never")).Should().BeFalse();
    }

    [Fact]
    public async Task Sensitivity_WithoutRanges_SaysWhereToDeclareThem()
    {
        var text = SensitivityTests.Scenario[..SensitivityTests.Scenario.IndexOf("uncertain:", StringComparison.Ordinal)];

        var exit = await Isdnsim("sensitivity", ScenarioFile(text), "--engine", "inprocess", "--no-progress", "--out", Dir.File("never"));

        exit.Should().Be(ExitCodes.BadInput);
        Unwrapped(Err).Should().Contain("declares no uncertain parameters; add an 'uncertain:' section or give --uncertain FILE");
        Directory.Exists(Dir.File("never")).Should().BeFalse();
    }
}
