using IsdnSim.Analysis.Validation;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Validation;

/// <summary>Reading observed-data files: what is accepted, and the exact message and position of each problem.</summary>
public sealed class ObservedDataTests
{
    private const string Header = "process,region,statistic,value,unit,source\n";

    private static ObservedData Parse(string text) => ObservedData.Parse(text, "obs.csv");

    /// <summary>The messages of the problems in <paramref name="text"/>, as the command line prints them.</summary>
    private static IEnumerable<string> Problems(string text)
    {
        var act = () => Parse(text);
        return act.Should().Throw<ObservedDataException>().Which.Diagnostics.Select(d => d.ToString());
    }

    [Fact]
    public void Rows_AreRead_WithQuotedSourcesBlankLinesAndCrLf()
    {
        var data = Parse(
            "process,region,statistic,value,unit,source\r\n" +
            "building-application,,mean,65,days,\"NRW, 2023: \"\"65 days\"\"\"\r\n" +
            "\r\n" +
            " station-quarter , lk ,p90, 1095.7 ,days, \"a source\nover two lines\"\n" +
            "heat-plan,,share_finished_by:2025-05-01,0.045,share,BBSR\n" +
            "heat-plan,town,share_within:3mo,0.5,share,x");

        data.Rows.Should().HaveCount(4);
        data.Rows[0].Should().BeEquivalentTo(new { Line = 2, Process = "building-application", Region = "", Value = 65.0, Unit = "days", Source = "NRW, 2023: \"65 days\"" });
        data.Rows[0].Statistic.Kind.Should().Be(StatisticKind.Mean);
        data.Rows[1].Should().BeEquivalentTo(new { Line = 4, Process = "station-quarter", Region = "lk", Value = 1095.7, Source = "a source\nover two lines" });
        data.Rows[1].Statistic.Should().BeEquivalentTo(new { Kind = StatisticKind.Quantile, P = 0.9 });
        data.Rows[1].RegionAt.Should().Be(new IsdnSim.Kernel.Definitions.SourcePosition(4, 19));
        data.Rows[2].Line.Should().Be(6, "the quoted source of line 4 ends on line 5");
        data.Rows[2].Statistic.By.Should().Be(new DateOnly(2025, 5, 1));
        data.Rows[3].Statistic.WithinDays.Should().Be(3 * 365.2425 / 12, "a month of a duration is a mean Gregorian month");
        data.Sha256.Should().HaveLength(64);
    }

    [Fact]
    public void AnEmptyFile_SaysWhatIsExpected()
    {
        Problems("").Should().Equal("obs.csv: error: the file is empty; expected the header 'process,region,statistic,value,unit,source' and one observation a line");
        Problems(Header).Should().Equal("obs.csv: error: the file has its header but no observations");
    }

    [Theory]
    [InlineData("process,region,stat,value,unit,source\n", "obs.csv:1:16: error: expected column 3 to be 'statistic', found 'stat' (the header must be exactly process,region,statistic,value,unit,source)")]
    [InlineData("process,region,statistic,value,unit\n", "obs.csv:1:36: error: expected column 6 to be 'source', found the end of the line (the header must be exactly process,region,statistic,value,unit,source)")]
    [InlineData("process,region,statistic,value,unit,source,note\n", "obs.csv:1:44: error: expected the end of the header after 'source', found 'note' (the header must be exactly process,region,statistic,value,unit,source)")]
    public void AWrongHeader_IsNamedColumnByColumn(string header, string message)
    {
        Problems(header + "p,,mean,1,days,s\n").Should().Equal(message);
    }

    [Theory]
    [InlineData("p,,mean,1,days,s,extra", "obs.csv:2:18: error: expected 6 fields (process,region,statistic,value,unit,source), found 7")]
    [InlineData("p,,mean,1,days", "obs.csv:2:15: error: expected 6 fields (process,region,statistic,value,unit,source), found 5")]
    [InlineData(",,mean,1,days,s", "obs.csv:2:1: error: expected a process id of the scenario, found nothing")]
    [InlineData("p,,meen,1,days,s", "obs.csv:2:4: error: unknown statistic 'meen'; did you mean 'mean'?; expected mean, median, p10, p25, p75, p90, share_within:<duration> (e.g. share_within:3mo) or share_finished_by:<YYYY-MM-DD>")]
    [InlineData("p,,,1,days,s", "obs.csv:2:4: error: expected a statistic (mean, median, p10, p25, p75, p90, share_within:<duration> (e.g. share_within:3mo) or share_finished_by:<YYYY-MM-DD>), found nothing")]
    [InlineData("p,,share_finished_by:2025-13-01,0.5,share,s", "obs.csv:2:4: error: share_finished_by: expected a date YYYY-MM-DD, found '2025-13-01'")]
    [InlineData("p,,share_within:0d,0.5,share,s", "obs.csv:2:4: error: share_within: the duration must be longer than zero, found '0d'")]
    [InlineData("p,,share_within:3wd,0.5,share,s", "obs.csv:2:4: error: share_within: '3wd' is working time, but a calendar duration is expected here: did you mean '3d'?")]
    [InlineData("p,,mean,sixty,days,s", "obs.csv:2:9: error: expected a number such as 65 or 0.045, found 'sixty'")]
    [InlineData("p,,mean,-1,days,s", "obs.csv:2:9: error: expected a number of days of at least 0 for mean, found -1")]
    [InlineData("p,,share_within:3mo,62,share,s", "obs.csv:2:21: error: expected a share between 0 and 1 for share_within:3mo, found 62")]
    [InlineData("p,,mean,4.07,months,s", "obs.csv:2:14: error: expected the unit 'days' for mean, found 'months' (a month is 30.436875 days: 365.2425 / 12)")]
    [InlineData("p,,share_within:3mo,0.62,%,s", "obs.csv:2:26: error: expected the unit 'share' for share_within:3mo, found '%' (a share is a percentage / 100)")]
    [InlineData("p,,mean,1,days,", "obs.csv:2:16: error: expected the source of the figure (title, publisher, year, address), found nothing")]
    [InlineData("p,,mean,1,days,\"never closed", "obs.csv:2:16: error: a quoted field is not closed: expected '\"' before the end of the file")]
    [InlineData("p,,mean,1,days,\"a\"b", "obs.csv:2:19: error: expected ',' or the end of the line after the closing '\"', found 'b'")]
    public void ABadRow_IsReportedAtItsField(string row, string message)
    {
        Problems(Header + row + "\n").Should().Equal(message);
    }

    [Fact]
    public void EveryProblem_IsReported_InFileOrder()
    {
        Problems(Header + "p,,mean,x,days,s\np,,p95,1,days,s\n").Should().Equal(
            "obs.csv:2:9: error: expected a number such as 65 or 0.045, found 'x'",
            "obs.csv:3:4: error: unknown statistic 'p95': the quantiles are p10, p25, median, p75 and p90; expected mean, median, p10, p25, p75, p90, share_within:<duration> (e.g. share_within:3mo) or share_finished_by:<YYYY-MM-DD>");
    }

    [Fact]
    public void AMissingFile_IsNamed()
    {
        using var dir = new TempDirectory();
        var path = dir.File("none.csv");

        var act = () => ObservedData.Read(path);

        act.Should().Throw<ObservedDataException>().Which.Diagnostics.Select(d => d.ToString()).Should().Equal($"{path}: error: file not found");
    }

    [Fact]
    public void AFileThatIsNotUtf8_IsNamed()
    {
        using var dir = new TempDirectory();
        var path = dir.File("latin1.csv");
        File.WriteAllBytes(path, [.. System.Text.Encoding.ASCII.GetBytes(Header + "p,,mean,1,days,M"), 0xFC, (byte)'\n']);

        var act = () => ObservedData.Read(path);

        act.Should().Throw<ObservedDataException>().Which.Diagnostics.Select(d => d.ToString())
            .Should().Equal($"{path}: error: the file is not UTF-8 text (save it as UTF-8, as spreadsheets offer under 'CSV UTF-8')");
    }
}
