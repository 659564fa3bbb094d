using IsdnSim.Analysis.Engine;
using IsdnSim.Analysis.Metrics;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Model;
using IsdnSim.Scenario.Language;
using IsdnSim.Scenario.Uncertainty;
using IsdnSim.Tests.Support;
using MathNet.Numerics.Distributions;
using YamlDotNet.RepresentationModel;

namespace IsdnSim.Tests.Domain;

/// <summary>
/// The shipped independent city (city.yaml): one administration for the municipal and the
/// district level, its council with committees, the same processes as the rural district.
/// </summary>
public sealed class CityScenarioTests
{
    private const int Replications = 5;

    private static readonly Lazy<Dictionary<string, (SimulationModel Model, ReplicationResult[] Results)>> Runs_ = new(() =>
        new[] { "status-quo", "staff-cut" }.ToDictionary(v => v, Run));

    private static (SimulationModel, ReplicationResult[]) Run(string variant)
    {
        var spec = Runs.Spec(Runs.Load("city.yaml"), new ScenarioOverrides(Replications: Replications, HorizonDays: 2 * 365, Variant: variant), recordSteps: true);
        var model = spec.Compile();
        return (model, [.. Enumerable.Range(0, Replications).Select(r => InProcessEngine.Run(spec, model, r))]);
    }

    [Fact]
    public void TheCity_HandsNoFileBetweenTheMunicipalAndTheDistrictLevel()
    {
        // Every role a municipality or a district would hold is the city's: files go from office
        // to office (not counted as hand-offs between organisations), and out only to the Land,
        // the companies and the operators.
        var (model, results) = Runs_.Value["status-quo"];
        var n = SimulationModel.Levels.Length;
        var city = (int)Level.City;

        foreach (var r in results)
        {
            r.Tallies.Handoffs.Sum().Should().BePositive();
            foreach (var level in new[] { Level.Municipal, Level.City, Level.District })
            {
                r.Tallies.Handoffs[(city * n) + (int)level].Should().Be(0, $"no file goes from the city to the {level} level");
                r.Tallies.Handoffs[((int)level * n) + city].Should().Be(0);
            }

            // Every decision is the city council's or its administration's, but the Land's: the
            // approval of a statute, the plan approval of a cycle path, a Kita's operating permit.
            var byTheLand = r.Steps.Count(s => model.Processes[s.Project.Process].Steps[s.Step].IsDecision && model.Agents[s.Agent].Kind == AgentKind.State);
            byTheLand.Should().BePositive();
            r.Tallies.Decisions.TotalCongruent.Should().Be(r.Tallies.Decisions.Total - byTheLand);
        }
    }

    [Fact]
    public void EveryCouncilDecision_WaitsForItsCommitteeCycle()
    {
        // A matter is due 14 days before the specialist committee, the Hauptausschuss takes it at
        // the earliest 7 days after that, the council 7 days after the Hauptausschuss: no council
        // step of the city with committees can be done in less than 28 days from becoming ready.
        // One without (the decision to start the heat plan) waits at least the council's 7 days.
        var (model, results) = Runs_.Value["status-quo"];
        var council = results.SelectMany(r => r.Steps).Where(s => model.Processes[s.Project.Process].Steps[s.Step].Kind == StepKind.Council).ToList();
        var prepared = council.Where(s => model.Processes[s.Project.Process].Steps[s.Step].Committees.Length > 0).ToList();
        var direct = council.Except(prepared).ToList();

        prepared.Should().NotBeEmpty();
        prepared.Should().OnlyContain(s => s.End - s.Ready >= 28);
        direct.Should().NotBeEmpty();
        direct.Should().OnlyContain(s => s.End - s.Ready >= 7);
    }

    [Fact]
    public void EveryRoleOfTheRuralProcesses_IsHeldByTheCityTheLandOrACompany()
    {
        // What a municipality, an Amt or a district does in rural-district.yaml the city does
        // itself (it is its own lower building, monument, youth-welfare authority ...); what the
        // Land does there, the Land does here; what a named company does, a company of the same
        // kind. No role of the rural processes is missing, and none resolves to a district.
        var rural = Runs.Load("rural-district.yaml").Definition;
        var model = SimulationModel.Compile(Runs.Load("city.yaml").Definition);
        var city = model.Agents.Single(a => a.Kind == AgentKind.City).Index;
        var ruralAgents = rural.Agents.ToDictionary(a => a.Id);
        var steps = rural.Processes.SelectMany(p => p.Steps).ToList();
        var roles = steps.Select(s => s.Role).Concat(steps.SelectMany(s => s.Consult)).Distinct().ToList();

        roles.Should().Contain(["plan-approval", "operating-permit", "monument-authority", "heritage-office", "building-authority"]);
        foreach (var role in roles)
        {
            model.Roles.Should().Contain(role, "the city's jurisdiction must name every role of the rural processes");
            var holder = model.HolderOf(city, model.Roles.ToList().IndexOf(role));
            holder.Agent.Should().BeGreaterThanOrEqualTo(0, $"role '{role}' must be held for the city");
            var kind = model.Agents[holder.Agent].Kind;
            var rule = rural.Jurisdiction.Single(j => j.Role == role).Holder;
            switch (rule.Kind)
            {
                case HolderKind.Self or HolderKind.Administration or HolderKind.Amt or HolderKind.District:
                    holder.Agent.Should().Be(city, $"'{role}' is a municipal or district role in the rural district");
                    break;
                case HolderKind.State:
                    kind.Should().Be(AgentKind.State, $"'{role}' is the Land's in the rural district");
                    break;
                default:
                    kind.Should().Be(ruralAgents[rule.AgentId!].Kind, $"'{role}' is held by a {ruralAgents[rule.AgentId!].Kind} in the rural district");
                    break;
            }
        }

        foreach (var committee in steps.SelectMany(s => s.Committees).Distinct())
        {
            model.CommitteeRoles.Should().Contain(committee);
            model.Agents[city].Committees[model.CommitteeRoles.ToList().IndexOf(committee)].Should().BeGreaterThanOrEqualTo(0, $"the city has its own {committee}");
        }
    }

    [Fact]
    public void TheCitysProcesses_AreTheRuralDistrictsStepForStep()
    {
        // The comparison of the two (docs/model.md, "The small big city") is of structures on the
        // same procedures: every process of the city is the rural district's with the same steps,
        // efforts, returns, periods, fictions and committees. The city lacks only the heat plans
        // it cannot make: the simplified procedure below 10,000 inhabitants and an Amt's joint plan.
        var rural = Runs.Load("rural-district.yaml").Definition.Processes.ToDictionary(p => p.Id);
        var city = Runs.Load("city.yaml").Definition.Processes;

        city.Select(p => p.Id).Should().BeEquivalentTo(rural.Keys.Except(["heat-plan-simplified", "heat-plan-joint"]));
        foreach (var process in city)
        {
            var theirs = rural[process.Id];
            (process.Segments, process.Priority).Should().Be((theirs.Segments, theirs.Priority), process.Id);
            process.Steps.Select(Signature).Should().Equal(theirs.Steps.Select(Signature), process.Id);
        }
    }

    [Fact]
    public void TheCitysRanges_AreTheRuralDistricts_WhereItHasTheirFigure()
    {
        // A range says how far a figure could be from the one used. Where the city uses the rural
        // district's figure (an effort, a return rate, a hand-off, a company's posts, the Land's
        // offices), it takes the rural range with its reason: the same distribution, and a note
        // that starts with the rural note (the city may add a sentence). The city's own agency
        // stands for Havelheide's, its companies for Heidestadt's. Where the city's figure differs
        // (its consultancy's and grid operator's posts, the grid's requests, two demand rates),
        // the range is its own. And no rural range on a figure the city shares is left out, but on
        // the two pay-group defaults no agency of the city takes (it has no municipality, Amt or
        // district).
        var rural = Runs.Load("rural-district.yaml");
        var city = Runs.Load("city.yaml");
        var ruralRanges = rural.Definition.Uncertain.ToDictionary(p => p.Path);
        var cityPaths = city.Definition.Uncertain.SelectMany(p => p.Paths).ToHashSet();
        var (ruralRoot, cityRoot) = (Root(rural), Root(city));
        string? Figure(YamlNode root, string path) => ScenarioPatch.Locate(root, path, out _)?.Value;
        (string City, string Rural)[] names = [("agents.havelstein.", "agents.lk-havelheide."), ("stadtwerke-havelstein", "stadtwerke-heidestadt"), ("wohnbau-havelstein", "wohnbau-heidestadt")];
        string Rural(string path) => names.Aggregate(path, (p, n) => p.Replace(n.City, n.Rural, StringComparison.Ordinal));
        string City(string path) => names.Aggregate(path, (p, n) => p.Replace(n.Rural, n.City, StringComparison.Ordinal));

        var shared = new List<string>();
        foreach (var p in city.Definition.Uncertain)
        {
            if (!ruralRanges.TryGetValue(Rural(p.Path), out var theirs) || Figure(cityRoot, p.Path) != Figure(ruralRoot, theirs.Path))
            {
                continue;
            }

            shared.Add(p.Path);
            (p.Distribution.Shape, p.Quantity.Kind, p.Assumption, p.Source).Should().Be((theirs.Distribution.Shape, theirs.Quantity.Kind, theirs.Assumption, theirs.Source), p.Path);
            p.Distribution.Written.Should().Equal(theirs.Distribution.Written, p.Path);
            if (p.Path != "agents.havelstein.agencies.monuments.staff")
            {
                // The monument authority's two posts have the rural range, but the city counts its own monuments.
                p.Note.Should().StartWith(theirs.Note, p.Path);
            }
        }

        shared.Should().HaveCount(75, "the city has 75 of the rural district's ranged figures unchanged");
        var missing = rural.Definition.Uncertain.Select(r => r.Path)
            .Where(path => !cityPaths.Contains(City(path)) && Figure(cityRoot, City(path)) is { } figure && figure == Figure(ruralRoot, path));
        missing.Should().BeEquivalentTo(["costs.defaults.municipality", "costs.defaults.district"]);
    }

    [Fact]
    public void EveryEndOfTheCitysRanges_GivesAValidScenario()
    {
        // What validate checks: each end of every range (every value of a list), set alone with
        // everything else as written, gives a scenario that loads with every variant applied.
        var city = Runs.Load("city.yaml");

        UncertainChecks.Check(city).Should().BeEmpty();
        UncertainChecks.Tried(city.Definition).Should().Be(181);
    }

    private static YamlNode Root(LoadedScenario scenario) => ScenarioLoader.LoadYaml(scenario.Text, scenario.File).Documents[0].RootNode;

    private static string Signature(StepDefinition s) => string.Join(" | ",
        s.Id, s.Kind, s.Role, s.Effort.Describe(), string.Join(",", s.After), string.Join(",", s.Consult), s.Deadline?.Value, s.PerSegment,
        s.Rework is { } r ? $"{r.Probability} {r.LocalProbability} {r.ReturnsTo} {r.Effort.Describe()} {r.MaxRounds}" : "-",
        s.Discretion, s.Specialist, s.Duration?.Value, s.DeemedAfter?.Value, string.Join(",", s.Committees));

    [Fact]
    public void StaffCut_RaisesTheBuildingAuthoritysUtilisation()
    {
        // Fewer posts for the same applications: paired by replication (the same projects with
        // the same efforts), the difference must exceed zero with 99 % confidence.
        double Utilisation(string variant, int r)
        {
            var (model, results) = Runs_.Value[variant];
            var f = ReplicationFigures.Compute(model, results[r]);
            return f.Agencies.Single(a => model.Agents[a.Agent].Id == "havelstein" && model.Agents[a.Agent].Agencies[a.Agency].Id == "building").Utilisation;
        }

        var d = Enumerable.Range(0, Replications).Select(r => Utilisation("staff-cut", r) - Utilisation("status-quo", r)).ToArray();
        var mean = d.Average();
        var se = Math.Sqrt(d.Sum(x => (x - mean) * (x - mean)) / (d.Length - 1) / d.Length);
        (mean - (StudentT.InvCDF(0, 1, d.Length - 1, 0.99) * se)).Should().BePositive($"mean difference {mean:0.####}, standard error {se:0.####}");
    }
}
