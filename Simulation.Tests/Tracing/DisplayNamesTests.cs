using System.Text.Json;
using System.Text.RegularExpressions;
using IsdnSim.Analysis.Engine;
using IsdnSim.Presentation.Labels;
using IsdnSim.Presentation.Tracing;
using IsdnSim.Presentation.Tracing.Replay;
using IsdnSim.Runner.Cli;
using IsdnSim.Runner.Display;
using IsdnSim.Runner.Hosting;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Tracing;

/// <summary>
/// How people read variants and agencies: the status quo is "status quo" in the run's header, the
/// terminal replay and the replay page alike, and an agency stands with its organisation, so that
/// the Bauämter of several municipalities can be told apart.
/// </summary>
public sealed partial class DisplayNamesTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void AVariant_IsNamedInWords_AndNoVariantIsTheScenarioAsWritten()
    {
        DisplayNames.Variant("status-quo").Should().Be("status quo");
        DisplayNames.Variant("democratisation").Should().Be("democratisation");
        DisplayNames.Variant(null).Should().Be("as written");
        DisplayNames.Agency("Bauamt", "Amt Seegrund").Should().Be("Bauamt — Amt Seegrund");
    }

    [Fact]
    public async Task TheStatusQuo_IsStatusQuo_InTheRunsHeader_TheReplay_AndThePage()
    {
        var path = _dir.File("status-quo.jsonl");
        var output = new StringWriter();
        var errors = new StringWriter();
        (await IsdnSimApp.RunAsync(["run", Repository.Scenario("teaching.yaml"), "--replications", "1", "--horizon", "90d", "--variant", "status-quo", "--engine", "inprocess",
            "--trace", path, "--out", _dir.File("out"), "--no-progress"], Consoles.Plain(output, errors))).Should().Be(ExitCodes.Ok, errors.ToString());
        output.ToString().Should().StartWith("Teaching district (Landkreis Seeblick), variant status quo: 1 replication");

        var moment = new StringWriter();
        (await IsdnSimApp.RunAsync(["replay", path, "--at", "2025-03-01"], Consoles.Plain(moment, errors))).Should().Be(ExitCodes.Ok, errors.ToString());
        moment.ToString().Should().StartWith("Teaching district (Landkreis Seeblick), variant status quo, replication 0\n2025-03-01 (day 59)");

        var page = ReplayPage.Build(TraceReader.Read(path));
        page.Should().Contain("<title>Replay: Teaching district (Landkreis Seeblick) (status quo)</title>");
        var data = JsonDocument.Parse(DataScript().Match(page).Groups[1].Value).RootElement;
        data.GetProperty("runs")[0].GetProperty("label").GetString().Should().Be("status quo");
        data.GetProperty("runs")[0].GetProperty("variant").GetString().Should().Be("status-quo", "the data keep the id");
    }

    [Fact]
    public async Task TheReplay_NamesEachAgencyWithItsOrganisation()
    {
        var trace = await Traces.WriteAsync(_dir.File("t.jsonl"), Runs.Spec(Runs.Load("teaching.yaml"), new ScenarioOverrides(Replications: 1, Variant: "status-quo")));
        var names = new TraceNames(trace.Info);
        var state = new ReplayState(trace);

        names.Agency("amt-seegrund", "building-office").Should().Be("Bauamt — Amt Seegrund");
        names.Agency("seeburg", "building-office").Should().Be("Bauamt — Seeburg (Kreisstadt)");
        names.Agent("nobody").Should().Be("nobody", "an id the header does not know stands for itself");

        var bauamt = trace.Events.First(e => e.Ev == "start" && e.Agency == "building-office" && e.Agent == "auendorf");
        ReplayView.Describe(bauamt, names).Should().StartWith("Bauamt: starts ");
        state.MoveTo(trace.Events.ToList().IndexOf(bauamt) + 1);
        state.Project(bauamt.Project!)!.UnderWay.Should().Contain(u => u.EndsWith("in work at Bauamt — Auendorf", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"<script type=""application/json"" id=""replay-data"">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex DataScript();
}
