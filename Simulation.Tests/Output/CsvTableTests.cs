using IsdnSim.Analysis.Experiments;
using IsdnSim.Analysis.Metrics;
using IsdnSim.Analysis.Statistics;
using IsdnSim.Kernel.Model;
using IsdnSim.Presentation.Output;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Output;

/// <summary>Every result table reads back, by header, the values it wrote (numbers to 12 significant digits): the one description serves writer and readers.</summary>
public sealed class CsvTableTests
{
    // A planning application at the town that needs the district's permit, and a deadline for one of them.
    private const string Yaml = """
        name: round trip
        seed: 5
        start: 2025-01-01
        horizon: 800d
        calendar: { kind: continuous }
        agents:
          - id: kreis
            kind: district
            agencies: [{ id: bauamt, staff: 2, roles: [permit] }]
          - id: dorf
            kind: municipality
            parent: kreis
            population: 2000
            agencies: [{ id: amt, staff: 1, roles: [plan] }]
        processes:
          - id: heat-plan
            steps:
              - { id: draft, role: plan, effort: { dist: exponential, mean: 5wd } }
              - { id: permit, role: permit, after: [draft], effort: { dist: exponential, mean: 3wd } }
        jurisdiction: { plan: self, permit: district }
        demand:
          - { process: heat-plan, at: [dorf], rate: 0.1/day }
        shocks:
          - { id: law, date: 2025-01-01, process: heat-plan, groups: [{ name: all, deadline: 2025-01-31 }] }
        """;

    private static readonly Estimate Some = Estimate.Of([1.0, 2.5, 4.25]);

    [Fact]
    public void Projects_ReadBack_AsWritten()
    {
        var (model, result) = Run();
        using var dir = new TempDirectory();
        ResultWriter.WriteProjects(dir.File("projects.csv"), model, [result]);

        var rows = ResultWriter.Projects.Read(dir.File("projects.csv"));

        var names = new ProjectNames(model);
        rows.Should().HaveCount(result.Projects.Count).And.HaveCountGreaterThan(10);
        foreach (var (row, p) in rows.Zip(result.Projects))
        {
            row.Long("replication").Should().Be(0);
            row["project"].Should().Be(names.Of(p.Id));
            row["municipality"].Should().Be("dorf");
            (row.Double("arrival_day"), row.Double("finish_day"), row.Double("lead_time_days")).Should().Be((Written(p.Arrival), Written(p.Finish), Written(p.LeadTime)));
            (row.Double("wait_days"), row.Double("service_days"), row.Double("window_days")).Should().Be((Written(p.Path.Wait), Written(p.Path.Service), Written(p.Path.Window)));
            row.Long("critical_chain_handoffs").Should().Be(p.Handoffs);
            row.Date("arrival_date").Should().Be(DateOnly.FromDateTime(new DateTime(2025, 1, 1)).AddDays((int)p.Arrival));
            row["determining_step"].Should().BeOneOf("draft", "permit");
            row["shock"].Should().Be(p.Shock >= 0 ? "law" : "");
        }

        rows.Should().ContainSingle(r => r["shock"] == "law").Which["deadline_date"].Should().Be("2025-01-31");
    }

    [Fact]
    public void Agencies_ReadBack_AsWritten()
    {
        var (model, result) = Run();
        using var dir = new TempDirectory();
        ResultWriter.WriteAgencies(dir.File("agencies.csv"), model, [result]);
        ResultWriter.WriteAgenciesByYear(dir.File("agencies_by_year.csv"), model, [result]);

        var rows = ResultWriter.Agencies.Read(dir.File("agencies.csv"));
        var years = ResultWriter.AgenciesByYear.Read(dir.File("agencies_by_year.csv"));

        rows.Select(r => (r["agent"], r["agency"], r["kind"])).Should().Equal(("kreis", "bauamt", "staffed"), ("dorf", "amt", "staffed"));
        foreach (var (row, a) in rows.Zip(result.Agencies))
        {
            (row.Double("utilisation"), row.Double("mean_wait_days"), row.Double("waiting_caused_days")).Should().Be((Written(a.Utilisation), Written(a.MeanWait), Written(a.WaitingCaused)));
            (row.Long("staff"), row.Long("items_done"), row.Long("in_queue_at_end")).Should().Be((a.Staff, a.Done, a.InQueueAtEnd));
        }

        years.Should().HaveCount(model.YearStarts.Length * result.Agencies.Length);
        years.Select(r => r.Long("year")).Distinct().Should().Equal(Enumerable.Range(1, model.YearStarts.Length).Select(y => (long)y));
        years.Select(r => r.Double("utilisation")).Should().Equal(
            Enumerable.Range(0, model.YearStarts.Length).SelectMany(y => result.Agencies.Select(a => Written(a.YearUtilisation[y]))));
        years[0].Date("year_start").Should().Be(new DateOnly(2025, 1, 1));
    }

    [Fact]
    public void ComparisonTables_ReadBack_AsWritten()
    {
        var metric = new MetricDefinition("lead_time_mean", "Mean lead time, days", "days", Better.Lower);
        var agency = new AgencyEstimates("lk", "building", "Bauamt, \"untere\"", "Landkreis", 4, false, Some, Some, Estimate.Of([]), [Some]) { UnstableIn = 2 };
        var cell = new CellSummary("austerity", 3, [Some], [1.5, 2.75], [agency], [
            new DeadlineEstimates("law", "Heat planning act", "all", new DateOnly(2026, 6, 30), Some, Some, Some, Some, Some)]);
        var difference = new Difference("austerity", 0, Some, 0.125, 0.975);

        var comparison = RoundTrip(ExperimentOutput.Comparison, (metric, cell, Some, difference), (metric, cell, Some, null));
        var agencies = RoundTrip(ExperimentOutput.Agencies, (cell.Cell, agency));
        var byYear = RoundTrip(ExperimentOutput.AgenciesByYear, (cell.Cell, agency, 2026, Some));
        var leadTimes = RoundTrip(ExperimentOutput.LeadTimes, (cell.Cell, 1, 2.75));
        var deadlines = RoundTrip(ExperimentOutput.Deadlines, (cell.Cell, cell.Deadlines[0]));

        comparison[0]["label"].Should().Be("Mean lead time, days");
        (comparison[0].Double("mean"), comparison[0].Double("ci95_low"), comparison[0].Double("ci95_high")).Should().Be((Written(Some.Mean), Written(Some.Low!.Value), Written(Some.High!.Value)));
        (comparison[0].Double("difference_level"), comparison[0]["significant"], comparison[0].Double("unpaired_half_width")).Should().Be((0.975, "false", 0.125), "a mean of 2.6 within ± 4.0 is no significant difference");
        comparison[1]["difference_to_baseline"].Should().BeEmpty();
        comparison[1]["significant"].Should().BeEmpty();
        agencies.Single()["name"].Should().Be("Bauamt, \"untere\"");
        (agencies.Single().Double("utilisation_high"), agencies.Single().Long("unstable_replications")).Should().Be((Written(Some.High!.Value), 2));
        agencies.Single()["critical_path_share"].Should().BeEmpty("an estimate without observations has no mean");
        (byYear.Single().Long("year"), byYear.Single().Double("utilisation")).Should().Be((2026, Written(Some.Mean)));
        (leadTimes.Single().Long("percentile"), leadTimes.Single().Double("lead_time_days")).Should().Be((1, 2.75));
        (deadlines.Single().Date("deadline"), deadlines.Single().Double("compliance_low")).Should().Be((new DateOnly(2026, 6, 30), Written(Some.Low!.Value)));
    }

    [Fact]
    public void SweepTables_ReadBack_AsWritten()
    {
        string[] parameters = ["agents.town.agencies.desk.staff", "demand.0.rate"];
        var point = new SweepPoint(1, ["4", "1.5/day"]);
        var metric = new MetricDefinition("throughput_per_year", "Throughput", "per year", Better.Higher);

        var points = RoundTrip(ExperimentOutput.Points(parameters), (point, (string?)null, metric, 3, Some));
        var runs = RoundTrip(ExperimentOutput.Runs(["point", .. parameters]), (["p1", "4", "1.5/day"], 2, "throughput_per_year", 0.1 + 0.2));

        (points.Single()["point"], points.Single()["demand.0.rate"], points.Single().Long("replications")).Should().Be(("p1", "1.5/day", 3));
        points.Single().Double("ci95_low").Should().Be(Written(Some.Low!.Value));
        (runs.Single()["agents.town.agencies.desk.staff"], runs.Single().Long("replication"), runs.Single().Double("value")).Should().Be(("4", 2, 0.3), "0.1 + 0.2 is written to 12 significant digits: 0.3");
    }

    [Fact]
    public void Reading_AColumnTheTableDoesNotDescribe_Fails()
    {
        var row = RoundTrip(ExperimentOutput.LeadTimes, ("c", 0, 1.0)).Single();

        var read = () => row["lead_time"];

        read.Should().Throw<KeyNotFoundException>().WithMessage("*'lead_time'*");
    }

    private static (SimulationModel Model, Analysis.Engine.ReplicationResult Result) Run()
    {
        var spec = Runs.Spec(Runs.Parse(Yaml));
        return (spec.Compile(), Runs.RunOne(spec));
    }

    /// <summary>A number as a result file has it: rounded to 12 significant digits.</summary>
    internal static double Written(double value) => double.Parse(value.ToString("G12", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);

    private static IReadOnlyList<CsvRecord> RoundTrip<TRow>(CsvTable<TRow> table, params TRow[] rows)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        table.Write(writer, rows);
        using var reader = new StringReader(writer.ToString());
        return table.Read(reader);
    }
}
