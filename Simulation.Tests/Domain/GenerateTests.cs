using IsdnSim.Analysis.Engine;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Runner.Cli;
using IsdnSim.Runner.Display;
using IsdnSim.Runner.Hosting;
using IsdnSim.Scenario.Generation;
using IsdnSim.Scenario.Language;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Domain;

public sealed class GenerateTests
{
    [Fact]
    public void SameSpecAndSeed_GiveTheSameFile_OtherSeedsAnother()
    {
        var spec = new RegionSpec(120, 4, 1, 1, Amter: true, Seed: 5);

        RegionGenerator.Generate(spec).Should().Be(RegionGenerator.Generate(spec));
        RegionGenerator.Generate(spec with { Seed = 6 }).Should().NotBe(RegionGenerator.Generate(spec));
    }

    [Fact]
    public void GeneratedRegion_HasTheRequestedShape_AndValidates()
    {
        var yaml = RegionGenerator.Generate(new RegionSpec(300, 8, 3, 2, Amter: true, Seed: 11));
        var d = ScenarioLoader.Parse(yaml, "generated.yaml").Definition;

        d.Agents.Count(a => a.Kind == AgentKind.Municipality).Should().Be(297);
        d.Agents.Count(a => a.Kind == AgentKind.City).Should().Be(3);
        d.Agents.Count(a => a.Kind == AgentKind.District).Should().Be(8);
        d.Agents.Count(a => a.Kind == AgentKind.State).Should().Be(2);
        d.Agents.Where(a => a.Kind == AgentKind.Amt).Should().NotBeEmpty()
            .And.OnlyContain(amt => d.Agents.Count(m => m.Parent == amt.Id) >= 2);
        d.Agents.Where(a => a.Kind == AgentKind.City).Select(c => c.Population!.Value).Min()
            .Should().BeGreaterThanOrEqualTo(d.Agents.Where(a => a.Kind == AgentKind.Municipality).Max(m => m.Population!.Value), "the largest become cities");
        d.Variants.Select(v => v.Id).Should().Equal("status-quo", "merger-only", "austerity", "democratisation", "digitalisation", "heat-konvoi");
        d.Shocks.Should().ContainSingle(s => s.Id == "heat-planning-law");
    }

    [Fact]
    public void Populations_FollowTheGermanDistribution()
    {
        // Destatis GV100AD 2023: median 1,832, 72.2 % under 5,000. For 6,000 draws the sample
        // share below a quantile has standard error sqrt(p (1 - p) / n); allow 4 of them.
        const int n = 6000;
        var yaml = RegionGenerator.Generate(new RegionSpec(n, 50, 0, 1, Amter: false, Seed: 3));
        var populations = ScenarioLoader.Parse(yaml, "g.yaml").Definition.Agents
            .Where(a => a.Kind == AgentKind.Municipality).Select(a => a.Population!.Value).ToList();

        double Share(Func<int, bool> below) => populations.Count(below) / (double)n;
        Share(p => p < 1832).Should().BeApproximately(0.5, 4 * Math.Sqrt(0.25 / n));
        Share(p => p < 5000).Should().BeApproximately(0.722, 4 * Math.Sqrt(0.722 * 0.278 / n));
        populations.Count(p => p > 100_000).Should().BeInRange(20, 110, "about 1 % are large towns");
    }

    [Fact]
    public void GeneratedRegion_Runs_AndItsVariantsToo()
    {
        var loaded = ScenarioLoader.Parse(RegionGenerator.Generate(new RegionSpec(60, 3, 1, 1, Amter: true, Seed: 9)), "small.yaml");

        foreach (var variant in new[] { "status-quo", "merger-only", "austerity", "democratisation" })
        {
            var result = Runs.RunOne(Runs.Spec(loaded, new ScenarioOverrides(HorizonDays: 3 * 365, Variant: variant)));
            result.Projects.Should().NotBeEmpty(variant);
        }
    }

    [Fact]
    public void ARegionWithNothingToMerge_HasNoMergerVariant_AndItsAusterityIsTheCutAlone()
    {
        // One district (or one per state) leaves no pair to merge: a merger variant would have no
        // operations, which the scenario language refuses.
        var loaded = ScenarioLoader.Parse(RegionGenerator.Generate(new RegionSpec(20, 1, 0, 1, Amter: false, Seed: 2)), "one.yaml");
        var d = loaded.Definition;

        d.Variants.Select(v => v.Id).Should().Equal("status-quo", "austerity", "democratisation", "digitalisation");
        d.Variants.Single(v => v.Id == "austerity").Operations.Should().ContainSingle();
        Runs.RunOne(Runs.Spec(loaded, new ScenarioOverrides(HorizonDays: 365, Variant: "austerity"))).Projects.Should().NotBeEmpty();
    }

    [Fact]
    public void ShippedGeneratedScenarios_AreWhatTheirCommandWrites()
    {
        // The header of each names the command; running it again must give the same file.
        File.ReadAllText(Repository.Scenario("brandenburg.yaml")).Should().Be(RegionGenerator.Generate(new RegionSpec(413, 14, 4, 1, true, 7, "Brandenburg")));
        File.ReadAllText(Repository.Scenario("germany.yaml")).Should().Be(RegionGenerator.GenerateGermany(2023));
    }

    [Fact]
    public void GeneratedGermany_HasEachLandsCounts_FromGV100AD()
    {
        var d = ScenarioLoader.Parse(RegionGenerator.GenerateGermany(2023), "germany.yaml").Definition;
        var byId = d.Agents.ToDictionary(a => a.Id);
        string LandOf(AgentDefinition a) => a.Kind == AgentKind.State ? a.Name : LandOf(byId[a.Parent!]);
        int Count(string land, AgentKind kind) => d.Agents.Count(a => a.Kind == kind && LandOf(a) == land);

        d.Agents.Where(a => a.Kind == AgentKind.State).Select(a => a.Name).Should().Equal(Germany.Lands.Select(l => l.Name));
        foreach (var land in Germany.Lands)
        {
            Count(land.Name, AgentKind.Municipality).Should().Be(land.Municipalities - land.Cities, land.Name);
            Count(land.Name, AgentKind.City).Should().Be(land.Cities, land.Name);
            Count(land.Name, AgentKind.District).Should().Be(land.Districts, land.Name);
            var associations = d.Agents.Where(a => a.Kind == AgentKind.Amt && LandOf(a) == land.Name).ToList();
            associations.Should().HaveCount(land.Associations, land.Name);
            if (land.Association is { } kind)
            {
                associations.Should().OnlyContain(a => a.Name.StartsWith(kind + " ", StringComparison.Ordinal), land.Name);
            }
        }

        // Destatis GV100AD, 30.11.2023.
        d.Agents.Count(a => a.Kind is AgentKind.Municipality or AgentKind.City).Should().Be(10_773);
        d.Agents.Count(a => a.Kind == AgentKind.District).Should().Be(294);
        d.Agents.Count(a => a.Kind == AgentKind.City).Should().Be(106);
        d.Agents.Count(a => a.Kind == AgentKind.Amt).Should().Be(208 + 114 + 148 + 574 + 120);
        Germany.Lands.Where(l => l.Association is null).Select(l => l.Name).Should().BeEquivalentTo(
            ["Hamburg", "Bremen", "Nordrhein-Westfalen", "Hessen", "Saarland", "Berlin"], "these Länder have no joint administrations");
    }

    [Fact]
    public void GeneratedGermany_HasTheBezirkeOfBerlinAndHamburg_UnderTheirCity()
    {
        var d = ScenarioLoader.Parse(RegionGenerator.GenerateGermany(2023), "germany.yaml").Definition;
        var byId = d.Agents.ToDictionary(a => a.Id);
        var boroughs = d.Agents.Where(a => a.Kind == AgentKind.Borough).GroupBy(a => a.Parent!).ToDictionary(g => byId[g.Key].Name, g => g.ToList());

        boroughs.Keys.Should().BeEquivalentTo(["Berlin", "Hamburg"], "Bremen and Bremerhaven have no Bezirke with an administration of their own");
        boroughs["Berlin"].Should().HaveCount(12);
        boroughs["Hamburg"].Should().HaveCount(7);
        foreach (var (city, parts) in boroughs)
        {
            var c = d.Agents.Single(a => a.Name == city && a.Kind == AgentKind.City);
            c.Kind.Should().Be(AgentKind.City);
            byId[c.Parent!].Name.Should().Be(city, "the city state is its own Land");
            parts.Sum(b => b.Population).Should().Be(c.Population, $"{city}'s population is split among its Bezirke");
            parts.Should().OnlyContain(b => b.Agencies.Any(g => g.IsCouncil && g.Roles.Contains("council")), "each Bezirk has its own assembly");
        }

        // Every council decision of a Bezirk's projects is its own assembly's, not one council for
        // 3.8 million; the city's parliament decides the city's own heat plan.
        var resolver = new JurisdictionResolver(d.Agents, d.Jurisdiction);
        foreach (var b in boroughs["Berlin"])
        {
            resolver.Resolve(b.Id, "council").Agent!.Id.Should().Be(b.Id);
            resolver.Resolve(b.Id, "building-authority").Agent!.Id.Should().Be(b.Id);
            resolver.Resolve(b.Id, "cycling-funding").Agent!.Name.Should().Be("Berlin", "the Land");
        }

        var obliged = ShockOwners.Select(d, d.Shocks.Single(), out _).Select(o => o.Owner).ToList();
        obliged.Should().Contain(a => a.Name == "Berlin").And.Contain(a => a.Name == "Hamburg").And.NotContain(a => a.Kind == AgentKind.Borough);
    }

    [Theory]
    [InlineData(new[] { 1, 1, 1 }, 10, new[] { 4, 3, 3 })]
    [InlineData(new[] { 1104, 413, 726 }, 208, new[] { 103, 38, 67 })]
    [InlineData(new[] { 0, 5, 0 }, 7, new[] { 0, 7, 0 })]
    public void LargestRemainder_SplitsATotalInProportion(int[] weights, int total, int[] expected)
    {
        // 208 * 1104 / 2243 = 102.38, 208 * 413 / 2243 = 38.30, 208 * 726 / 2243 = 67.32: the
        // one left after the whole parts goes to the largest remainder, Schleswig-Holstein's 0.38.
        Germany.LargestRemainder(total, weights).Should().Equal(expected);
    }

    [Fact]
    public void EveryAgencyOfAGeneratedRegion_HasAReadableName()
    {
        // Without a name: the agency's id stands in for it ("heat", "projects", "station-team").
        foreach (var yaml in new[] { RegionGenerator.Generate(new RegionSpec(60, 3, 1, 1, Amter: true, Seed: 9)), RegionGenerator.GenerateGermany(2023) })
        {
            var agencies = ScenarioLoader.Parse(yaml, "g.yaml").Definition.Agents.SelectMany(a => a.Agencies.Select(g => (a.Id, g.Id, g.Name))).ToList();
            agencies.Should().NotBeEmpty().And.OnlyContain(g => g.Name != g.Item2 && g.Name.Any(char.IsUpper), "every agency has a name a reader can tell apart from its id");
        }
    }

    [Fact]
    public void AgencyNames_ChangeNoResult()
    {
        // Names are labels: random streams and jurisdiction follow ids. Without the names issue 12
        // gave the utilities', housing companies', consultancies' and operators' agencies, a run
        // finishes the same projects at the same times.
        var named = RegionGenerator.Generate(new RegionSpec(60, 3, 1, 1, Amter: true, Seed: 9));
        var unnamed = named;
        foreach (var name in new[] { "name: Wärmeplanung, ", "name: Netzanschluss und Netzdaten, ", "name: \"Regionalbereich, Bahnhofsmanagement\", ",
                     "name: Netzplanung, ", "name: Wärme und Daten (heat and data), ", "name: Projektentwicklung (development), " })
        {
            named.Should().Contain(name);
            unnamed = unnamed.Replace(name, "", StringComparison.Ordinal);
        }

        ProjectsOf(unnamed).Should().Equal(ProjectsOf(named));

        static List<(string, double, double)> ProjectsOf(string yaml)
        {
            var spec = Runs.Spec(ScenarioLoader.Parse(yaml, "small.yaml"), new ScenarioOverrides(HorizonDays: 2 * 365, Variant: "democratisation"));
            var result = Runs.RunOne(spec);
            result.Projects.Should().NotBeEmpty();
            return [.. result.Projects.Select(p => (p.Id.ToString(), p.Arrival, p.Finish))];
        }
    }

    [Fact]
    public void GeneratedRegion_NamesTheSchemaGiven_OrNoneWithASaying()
    {
        var spec = new RegionSpec(40, 2, 0, 1, Amter: false, Seed: 4);

        RegionGenerator.Generate(spec).Split('\n')[0].Should().Be("# yaml-language-server: $schema=scenario.schema.json");
        RegionGenerator.Generate(spec, "../scenarios/scenario.schema.json").Split('\n')[0].Should().Be("# yaml-language-server: $schema=../scenarios/scenario.schema.json");
        var none = RegionGenerator.Generate(spec, null);
        none.Should().NotContain("$schema=");
        ScenarioLoader.Parse(none, "g.yaml").Definition.Agents.Should().NotBeEmpty();

        // The schema line is a comment: the rest of the file, and so every result, is the same.
        RegionGenerator.Generate(spec, "elsewhere.json").Split('\n', 2)[1].Should().Be(RegionGenerator.Generate(spec).Split('\n', 2)[1]);
    }

    [Fact]
    public void SchemaReference_IsRelativeToTheFilesFolder_FoundFromAnyStart()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.File("clone/scenarios"));
        File.WriteAllText(dir.File("clone/scenarios/scenario.schema.json"), "{}");
        Directory.CreateDirectory(dir.File("clone/runs/a"));
        Directory.CreateDirectory(dir.File("elsewhere"));

        SchemaReference.From(dir.File("clone/runs/a"), [dir.File("clone/runs/a")]).Should().Be("../../scenarios/scenario.schema.json");
        SchemaReference.From(dir.File("clone/scenarios"), [dir.File("clone/scenarios")]).Should().Be("scenario.schema.json");
        SchemaReference.From(dir.File("elsewhere"), [dir.File("elsewhere"), dir.File("clone/runs")]).Should().Be("../clone/scenarios/scenario.schema.json");
        SchemaReference.From(dir.File("elsewhere"), [dir.File("elsewhere")]).Should().BeNull();
    }

    [Fact]
    public async Task GenerateCommand_WrittenToAnotherFolder_ItsSchemaLineResolvesFromThere()
    {
        using var dir = new TempDirectory();
        var path = dir.File("deep/er/region.yaml");
        var errors = new StringWriter();

        (await IsdnSimApp.RunAsync(["generate", "--municipalities", "40", "--districts", "2", "--out", path], Consoles.Plain(new StringWriter(), errors)))
            .Should().Be(ExitCodes.Ok, errors.ToString());

        // The test runs inside the repository, so the shipped schema is found from the program's folder.
        var first = File.ReadLines(path).First();
        first.Should().StartWith("# yaml-language-server: $schema=");
        var schema = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, first["# yaml-language-server: $schema=".Length..]));
        schema.Should().Be(Repository.Scenario("scenario.schema.json"));
    }

    [Fact]
    public async Task GenerateCommand_WritesAFileThatValidates_AndWillNotOverwrite()
    {
        using var dir = new TempDirectory();
        var path = dir.File("region.yaml");
        var output = new StringWriter();
        var errors = new StringWriter();
        string[] args = ["generate", "--municipalities", "40", "--districts", "2", "--seed", "4", "--out", path];

        (await IsdnSimApp.RunAsync(args, Consoles.Plain(output, errors))).Should().Be(ExitCodes.Ok, errors.ToString());
        ScenarioLoader.LoadFile(path).Definition.Agents.Should().Contain(a => a.Kind == AgentKind.Municipality);

        (await IsdnSimApp.RunAsync(args, Consoles.Plain(output, errors))).Should().Be(ExitCodes.BadInput);
        errors.ToString().Should().Contain("exists; choose another --out, or add --force");
        (await IsdnSimApp.RunAsync(["generate", "--municipalities", "3", "--districts", "5", "--out", dir.File("x.yaml")], Consoles.Plain(output, errors)))
            .Should().Be(ExitCodes.BadInput);
        errors.ToString().Should().Contain("cannot fill 5 districts");
        (await IsdnSimApp.RunAsync(["generate", "--germany", "--municipalities", "30", "--out", dir.File("y.yaml")], Consoles.Plain(output, errors)))
            .Should().Be(ExitCodes.BadInput);
        errors.ToString().Should().Contain("--germany sets the Länder");
        File.Exists(dir.File("y.yaml")).Should().BeFalse();
    }
}
