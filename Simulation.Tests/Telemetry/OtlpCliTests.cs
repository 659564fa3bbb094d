using IsdnSim.Analysis.Engine;
using IsdnSim.Runner.Hosting;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Telemetry;

/// <summary>isdnsim run --otlp: what it checks, what it sends, and what it says.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class OtlpCliTests : CliTest
{

    [Theory]
    [InlineData(new[] { "--otlp", "localhost:4317" }, "--otlp: expected the absolute http:// or https:// address of an OTLP receiver, such as http://localhost:4317, found 'localhost:4317'")]
    [InlineData(new[] { "--otlp", "grpc://collector:4317" }, "--otlp: expected the absolute http:// or https:// address of an OTLP receiver, such as http://localhost:4317, found 'grpc://collector:4317'")]
    [InlineData(new[] { "--otlp", "/v1/traces" }, "--otlp: expected the absolute http:// or https:// address")]
    [InlineData(new[] { "--otlp", "http://localhost:4318", "--otlp-protocol", "http" }, "--otlp-protocol must be 'grpc' or 'http/protobuf', found 'http'")]
    [InlineData(new[] { "--otlp-protocol", "grpc" }, "--otlp-protocol and --trace-runtime go with --otlp ENDPOINT")]
    [InlineData(new[] { "--trace-runtime" }, "--otlp-protocol and --trace-runtime go with --otlp ENDPOINT")]
    [InlineData(new[] { "--otlp", "http://localhost:4317", "--trace-runtime", "--engine", "inprocess" }, "--trace-runtime needs --engine orleans")]
    public async Task Run_WithABadOtlpOption_ExitsWith2_AndWritesNothing(string[] options, string message)
    {
        var exit = await Isdnsim(["run", Repository.Scenario("mmc.yaml"), "--out", Dir.File("never"), .. options]);

        exit.Should().Be(ExitCodes.BadInput);
        Err.ToString().Should().Contain(message);
        Directory.Exists(Dir.File("never")).Should().BeFalse();
    }

    [Fact]
    public async Task Run_WithOtlp_SendsEveryProjectsTraceAndTheMetrics_AndLeavesTheResultsAsTheyWere()
    {
        using var receiver = new OtlpHttpReceiver();
        string[] common = ["--horizon", "90d", "--replications", "2", "--engine", "inprocess", "--no-progress"];

        var plain = await Isdnsim(["run", Repository.Scenario("rural-district.yaml"), "--out", Dir.File("plain"), .. common]);
        var exit = await Isdnsim(["run", Repository.Scenario("rural-district.yaml"), "--out", Dir.File("otlp"), .. common,
            "--otlp", $"http://127.0.0.1:{receiver.Port}", "--otlp-protocol", "http/protobuf"]);

        (plain, exit).Should().Be((ExitCodes.Ok, ExitCodes.Ok), Err.ToString());
        var spec = Runs.Spec(Runs.Load("rural-district.yaml"), new ScenarioOverrides(HorizonDays: 90), recordSteps: true);
        var results = new[] { Runs.RunOne(spec, 0), Runs.RunOne(spec, 1) };
        var traces = results.Sum(r => r.Projects.Select(p => p.Id).Union(r.Steps.Select(s => s.Project)).Count());
        var spans = traces + results.Sum(r => r.Steps.Count);
        Unwrapped(Out).Should().Contain($"Telemetry: {traces:N0} project traces ({spans:N0} spans) and the run's metrics sent to http://127.0.0.1:{receiver.Port}/ (OTLP/HTTP).");
        receiver.Paths.Should().Contain("/v1/traces").And.Contain("/v1/metrics").And.OnlyContain(p => p == "/v1/traces" || p == "/v1/metrics");
        receiver.Received("/v1/metrics", IsdnSim.Presentation.Telemetry.TelemetryNames.LeadTime).Should().BeTrue();
        foreach (var file in new[] { "summary.json", "projects.csv", "agencies.csv", "agencies_by_year.csv", "agencies_summary.csv" })
        {
            File.ReadAllBytes(Dir.File("otlp/" + file)).Should().Equal(File.ReadAllBytes(Dir.File("plain/" + file)), file);
        }
    }

    [Fact]
    public async Task Run_WithTraceRuntime_AlsoSendsOrleansOwnSpans()
    {
        using var receiver = new OtlpHttpReceiver();

        var exit = await Isdnsim("run", Repository.Scenario("rural-district.yaml"), "--horizon", "30d", "--replications", "1", "--no-progress",
            "--out", Dir.File("out"), "--otlp", $"http://127.0.0.1:{receiver.Port}", "--otlp-protocol", "http/protobuf", "--trace-runtime");

        exit.Should().Be(ExitCodes.Ok, Err.ToString());
        receiver.Received("/v1/traces", "Microsoft.Orleans.Runtime").Should().BeTrue("the embedded silo's grain calls are traced");
        receiver.Received("/v1/traces", IsdnSim.Presentation.Telemetry.TelemetryNames.Source).Should().BeTrue();
        receiver.Received("/v1/metrics", "orleans-").Should().BeTrue("Orleans' meter is exported too");
    }

    [Fact]
    public async Task Run_WithNoReceiverListening_WarnsAndKeepsItsResults()
    {
        var port = OtlpHttpReceiver.FreePort();

        var exit = await Isdnsim("run", Repository.Scenario("rural-district.yaml"), "--horizon", "60d", "--replications", "1", "--engine", "inprocess",
            "--no-progress", "--out", Dir.File("out"), "--otlp", $"http://127.0.0.1:{port}");

        exit.Should().Be(ExitCodes.Ok, Err.ToString());
        Unwrapped(Err).Should().Contain($"spans could not be sent to http://127.0.0.1:{port}/ (OTLP/gRPC); is an OTLP receiver listening there?")
            .And.Contain("the metrics could not be sent");
        File.Exists(Dir.File("out/summary.json")).Should().BeTrue();
    }
}
