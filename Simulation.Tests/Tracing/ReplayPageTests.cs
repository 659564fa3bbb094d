using System.Text.Json;
using System.Text.RegularExpressions;
using IsdnSim.Presentation.Tracing.Replay;
using IsdnSim.Tests.Support;
using static IsdnSim.Tests.Tracing.HandTrace;

namespace IsdnSim.Tests.Tracing;

/// <summary>The replay page as text: one file, its data inside, the same bytes for the same traces.</summary>
public sealed class ReplayPageTests(RuralDistrictYear year) : IClassFixture<RuralDistrictYear>, IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void ThePage_IsOneFile_ThatLoadsNothingFromElsewhere()
    {
        var page = ReplayPage.Build(year.AsWritten);

        page.Should().StartWith("<!DOCTYPE html>");
        page.ToLowerInvariant().Should().NotContainAny("http://", "https://", "<link", " src=", "@import", "url(");
        Regex.Count(page, "<script").Should().Be(2, "the data and the inline script");
        Regex.Count(page, "<style").Should().Be(1);
    }

    [Fact]
    public void ThePage_EmbedsTheTraceAsTables_NotItsLines()
    {
        var page = ReplayPage.Build(year.AsWritten);

        var run = Data(page).GetProperty("runs").EnumerateArray().Should().ContainSingle().Subject;
        run.GetProperty("scenario").GetString().Should().Be("Rural district (Landkreis Havelheide)");
        run.GetProperty("variant").ValueKind.Should().Be(JsonValueKind.Null);
        run.GetProperty("start").GetString().Should().Be("2025-01-01");
        run.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("id").GetString())
            .Should().Equal(year.AsWritten.Events.Where(e => e.Ev == "arrive").Select(e => e.Project));
        run.GetProperty("agencies").GetArrayLength().Should().Be(year.AsWritten.Info.Agents.Sum(a => a.Agencies.Count));
        run.GetProperty("queues").GetArrayLength().Should().Be(run.GetProperty("agencies").GetArrayLength());
        page.Length.Should().BeLessThan((int)(new FileInfo(year.AsWrittenPath).Length / 2), "names stand once in a table, events as arrays of numbers");
    }

    [Fact]
    public async Task TheSameTraces_GiveTheSameBytes()
    {
        var again = await Traces.WriteAsync(_dir.File("again.jsonl"), RuralDistrictYear.Spec());

        ReplayPage.Build(again).Should().Be(ReplayPage.Build(year.AsWritten));
        ReplayPage.Build(again, year.Democratisation).Should().Be(ReplayPage.Build(year.AsWritten, year.Democratisation));
    }

    [Fact]
    public void NamesThatWouldCloseTheScript_AreEscaped()
    {
        const string scenario = "</script><script>alert(1)</script>";
        var trace = Make(scenario, "Town </SCRIPT><b>&", [Step("a")], Arrive(0), Finish(1, "a"));

        var page = ReplayPage.Build(trace);

        Regex.Count(page, "</script", RegexOptions.IgnoreCase).Should().Be(2, "only the two script elements close");
        page.Should().Contain("<title>Replay: &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; (as written)</title>");
        var run = Data(page).GetProperty("runs")[0];
        run.GetProperty("scenario").GetString().Should().Be(scenario);
        run.GetProperty("agents").EnumerateArray().Select(a => a[1].GetString()).Should().Contain("Town </SCRIPT><b>&");
    }

    [Fact]
    public void SideBySide_HoldsBothTraces()
    {
        var page = ReplayPage.Build(year.AsWritten, year.Democratisation);

        var runs = Data(page).GetProperty("runs").EnumerateArray().ToList();
        runs.Select(r => r.GetProperty("variant").GetString()).Should().Equal(null, "democratisation");
        var first = year.AsWritten.Events.First(e => e.Ev == "arrive").Project;
        runs.Should().AllSatisfy(r => r.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("id").GetString()).Should().Contain(first));
        page.Should().Contain("<title>Replay: Rural district (Landkreis Havelheide) (as written and democratisation)</title>");
    }

    /// <summary>The page's embedded data.</summary>
    internal static JsonElement Data(string page)
    {
        var match = Regex.Match(page, """<script type="application/json" id="replay-data">(.*?)</script>""", RegexOptions.Singleline);
        match.Success.Should().BeTrue("the page embeds its data");
        return JsonDocument.Parse(match.Groups[1].Value).RootElement;
    }
}
