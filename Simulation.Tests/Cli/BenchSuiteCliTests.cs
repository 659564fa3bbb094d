using IsdnSim.Runner.Hosting;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Cli;

/// <summary>
/// <c>isdnsim bench --suite</c> through the command line: its options, and a short run of it that
/// starts isdnsim as child processes. The table's shape is checked, never a time.
/// </summary>
public sealed class BenchSuiteCliTests : CliTest
{
    [Fact]
    public async Task Suite_Quick_PrintsTheTableWithMinMedianMaxPreviousAndTarget()
    {
        var exit = await Isdnsim("bench", "--suite", "--quick", "--only", "mmc-inprocess", "--runs", "1");

        exit.Should().Be(ExitCodes.Ok, Err.ToString());
        Output.Should().Contain("Machine: ").And.Contain(" cores (").And.Contain("Commit: ").And.Contain("Previous: ")
            .And.Contain("benchmark").And.Contain("min").And.Contain("median").And.Contain("max")
            .And.Contain("previous").And.Contain("target").And.Contain("met")
            .And.Contain("M/M/3 at").And.Contain("simulate").And.Contain("peak working") // wrapped in its column at 80 characters
            .And.NotContain("Orleans / in-process") // its other half was not selected
            .And.NotContain("scaling series");
        Err.ToString().Should().Contain("warm-up").And.Contain("round 1 of 1");
    }

    [Fact]
    public async Task Suite_Interrupted_StopsWith130AndWritesNothing()
    {
        using var interrupt = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var exit = await Isdnsim(["bench", "--suite", "--quick", "--only", "mmc-orleans", "--runs", "1"], interrupt.Token);

        exit.Should().Be(ExitCodes.Interrupted, Err.ToString());
        Err.ToString().Should().Contain("nothing was written");
        Output.Should().NotContain("median");
    }

    [Fact]
    public async Task Suite_AgainstABaseBuild_RunsBothInTurnAndPrintsNowOverBase()
    {
        // This same build as its own base: the table has the paired columns, whatever their figures.
        var self = typeof(IsdnSim.Runner.Services.BenchSuiteService).Assembly.Location;

        var exit = await Isdnsim("bench", "--suite", "--quick", "--only", "mmc-inprocess", "--runs", "2", "--against", self);

        exit.Should().Be(ExitCodes.Ok, Err.ToString());
        Output.Should().Contain("Base (--against): ").And.Contain("base").And.Contain("now / base");
        Err.ToString().Should().Contain("round 2 of 2: one process run of each benchmark, on this build and the base in turn");
    }

    [Theory]
    [InlineData("--suite --quick --write", "--quick")]
    [InlineData("--suite --runs 3 --write", "at least 5")]
    [InlineData("--suite --only nothing-like-this", "selects none of the benchmarks: mmc-inprocess")]
    [InlineData("--suite scenarios/mmc.yaml", "give it no FILE")]
    [InlineData("--quick", "bench needs a scenario FILE, or --suite")]
    [InlineData("scenarios/mmc.yaml --against .", "--against go with --suite")]
    [InlineData("--suite --against /no/such/checkout", "--against '/no/such/checkout': no isdnsim.dll there, nor at Simulation.Runner/bin/Release/net10.0/isdnsim.dll below it")]
    public async Task Suite_WithOptionsThatDoNotGoTogether_IsBadInput(string arguments, string message)
    {
        var exit = await Isdnsim(["bench", .. arguments.Split(' ')]);

        exit.Should().Be(ExitCodes.BadInput);
        Unwrapped(Err).Should().Contain(message);
    }

    [Fact]
    public async Task Bench_OfOneFile_StillPrintsItsLine()
    {
        var exit = await Isdnsim("bench", Repository.Scenario("mmc.yaml"), "--horizon", "100d", "--engine", "inprocess", "--runs", "1");

        exit.Should().Be(ExitCodes.Ok, Err.ToString());
        Out.ToString().Should().MatchRegex(@"bench: engine=inprocess runs=1 median_s=\S+ .* compile_s=\S+ start_s=\S+ agents=1 windows=\d+");
    }
}
