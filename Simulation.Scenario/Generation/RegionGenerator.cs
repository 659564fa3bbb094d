using System.Text;
using Bogus;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Random;

namespace IsdnSim.Scenario.Generation;

/// <summary>
/// Writes a synthetic region as a scenario file: municipalities with a realistic population
/// distribution, grouped into districts (and Ämter) under states, with the agencies, companies
/// and operators of the process library, demand, the heat-planning law and three variants.
/// The same spec and seed give the same file. Names come from Bogus's German locale.
/// </summary>
public static class RegionGenerator
{
    // Destatis GV100AD 2023: median municipality 1,832 inhabitants, 72.2 % under 5,000. A
    // lognormal with that median and P(X < 5,000) = 0.722 has sigma = ln(5000 / 1832) / z(0.722)
    // = 1.0041 / 0.5888 = 1.705; it puts about 1 % over 100,000 (Germany: 82 of 10,773).
    private const double MedianPopulation = 1832;
    private const double PopulationSigma = 1.705;
    private const int LargestPopulation = 3_700_000;

    /// <summary>The region of <paramref name="spec"/>; <paramref name="schema"/> is what its <c>$schema</c> line names (<see cref="SchemaReference"/>), none when null.</summary>
    public static string Generate(RegionSpec spec, string? schema = SchemaReference.Beside)
    {
        if (spec.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(spec));
        }

        var region = Build(spec);
        var command = $"isdnsim generate --municipalities {spec.Municipalities} --districts {spec.Districts} --cities {spec.Cities} --states {spec.States}"
                      + (spec.Amter ? " --amter" : "") + $" --seed {spec.Seed}" + (spec.Name is { } n ? $" --name {Q(n)}" : "");
        string[] about =
        [
            "# The same command gives the same file. Municipalities' populations follow Destatis GV100AD",
            "# 2023 (median 1,832, 72.2 % under 5,000); the largest are independent cities; the rest are",
            "# dealt to districts at random; with --amter, municipalities under 5,000 share Ämter of 4 to 8.",
        ];
        var municipalities = region.Districts.Sum(d => d.Members.Count);
        return Write(new Header(command, about, spec.Name ?? $"Generated region ({municipalities:N0} municipalities)", spec.Seed, "Ämter", schema), region);
    }

    /// <summary>
    /// Writes Germany: the sixteen Länder with their real numbers of municipalities, districts and
    /// independent cities (<see cref="Germany"/>), joint administrations only where a Land's law has
    /// them, drawn populations and names as for any generated region.
    /// </summary>
    public static string GenerateGermany(ulong seed, string? schema = SchemaReference.Beside)
    {
        var region = BuildGermany(seed);
        string[] about =
        [
            "# The same command gives the same file. The 16 Länder have their numbers of municipalities,",
            "# districts and independent cities from Destatis GV100AD (30.11.2023); populations are drawn",
            "# from its distribution (median 1,832, 72.2 % under 5,000), the city states' are given; the",
            "# largest of a Land are its independent cities; the rest are dealt to its districts at random.",
            "# Municipalities under 5,000 share a joint administration where the Land's law has one (Amt,",
            "# Samtgemeinde, Verbandsgemeinde, Verwaltungsgemeinschaft), as many as GV100AD counts of that",
            "# kind, shared among its Länder in proportion to their municipalities (ASSUMPTION).",
        ];
        return Write(new Header($"isdnsim generate --germany --seed {seed}", about, "Deutschland", seed, "joint administrations", schema), region);
    }

    private sealed record Header(string Command, string[] About, string Name, ulong Seed, string AssociationsWord, string? Schema);

    private sealed record Place(string Id, string Name, int Population)
    {
        public string? Amt { get; set; }
    }

    private sealed record District(string Id, string Name, string State, List<Place> Members, bool IsCity)
    {
        public List<(string Id, string Name, List<Place> Members)> Amter { get; } = [];

        /// <summary>A two-tier city's Bezirke (Berlin, Hamburg); empty for any other city or district.</summary>
        public List<Place> Boroughs { get; init; } = [];

        public int Population => Members.Sum(m => m.Population);

        public Place Seat => Members.MaxBy(m => m.Population)!;
    }

    private sealed record Region(List<(string Id, string Name)> States, List<District> Districts);

    private static RandomStream RegionStream(ulong seed) => RandomStream.FromKey(StableHash.Combine(StableHash.Mix(seed), StableHash.Of("region")));

    private static Faker Names(ulong seed) => new("de") { Random = new Randomizer(unchecked((int)seed)) };

    private static Func<string, string> UniqueIds()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        return name =>
        {
            var slug = Slug(name);
            var id = slug;
            for (var n = 2; !ids.Add(id) || HolderWords.IsReserved(id); n++)
            {
                id = $"{slug}-{n}";
            }

            return id;
        };
    }

    private static Region Build(RegionSpec spec)
    {
        var stream = RegionStream(spec.Seed);
        var faker = Names(spec.Seed);
        var unique = UniqueIds();

        var populations = Enumerable.Range(0, spec.Municipalities).Select(_ => SamplePopulation(ref stream)).OrderDescending().ToList();
        var places = populations.Select(p =>
        {
            var name = faker.Address.City();
            return new Place(unique(name), name, p);
        }).ToList();

        var stateNames = faker.Address.State();
        var states = Enumerable.Range(0, spec.States).Select(i =>
        {
            var name = spec.States == 1 ? "Land " + (spec.Name ?? stateNames) : "Land " + faker.Address.State() + (i > 0 ? $" {i + 1}" : "");
            return (unique(name), name);
        }).ToList();

        // The largest municipalities become independent cities; the rest are shuffled and dealt to districts.
        var districts = new List<District>();
        for (var c = 0; c < spec.Cities; c++)
        {
            districts.Add(new District(places[c].Id, places[c].Name, "", [places[c]], IsCity: true));
        }

        districts.AddRange(DealToDistricts(places.Skip(spec.Cities), spec.Districts, "", unique, ref stream));

        // States take districts and cities in turn, in a shuffled order.
        var order = districts.ToArray();
        Shuffle(order, ref stream);
        districts = [.. order.Select((d, i) => d with { State = states[i % states.Count].Item1 })];

        if (spec.Amter)
        {
            // Municipalities under 5,000 (not the district seat) share an Amt in groups of 4 to 8.
            foreach (var d in districts.Where(d => !d.IsCity))
            {
                var small = d.Members.Where(m => m.Population < 5000 && m != d.Seat).ToList();
                for (var i = 0; i < small.Count;)
                {
                    var size = Math.Min(small.Count - i, 4 + stream.NextInt(5));
                    if (size < 2)
                    {
                        break;
                    }

                    var members = small.GetRange(i, size);
                    var name = "Amt " + members[0].Name;
                    var amt = (unique(name), name, members);
                    foreach (var m in members)
                    {
                        m.Amt = amt.Item1;
                    }

                    d.Amter.Add(amt);
                    i += size;
                }
            }
        }

        return new Region(states, districts);
    }

    private static Region BuildGermany(ulong seed)
    {
        var stream = RegionStream(seed);
        var faker = Names(seed);
        var unique = UniqueIds();
        var states = Germany.Lands.Select(l => (unique("Land " + l.Name), l.Name)).ToList();
        var districts = new List<District>();
        for (var i = 0; i < Germany.Lands.Count; i++)
        {
            var land = Germany.Lands[i];
            var stateId = states[i].Item1;
            var drawn = Enumerable.Range(0, land.Municipalities - land.FixedCities.Count).Select(_ => SamplePopulation(ref stream)).OrderDescending().ToList();
            var places = land.FixedCities.Select(c => new Place(unique(c.Name), c.Name, c.Population))
                .Concat(drawn.Select(p =>
                {
                    var name = faker.Address.City();
                    return new Place(unique(name), name, p);
                }))
                .ToList();

            foreach (var city in places.Take(land.Cities))
            {
                var boroughs = land.Boroughs.TryGetValue(city.Name, out var parts) ? parts.Select(b => new Place(unique("Bezirk " + b.Name), "Bezirk " + b.Name, b.Population)).ToList() : [];
                districts.Add(new District(city.Id, city.Name, stateId, [city], IsCity: true) { Boroughs = boroughs });
            }

            var landDistricts = DealToDistricts(places.Skip(land.Cities), land.Districts, stateId, unique, ref stream);

            if (land.Association is { } kind)
            {
                // Small municipalities (under 5,000, not the seat) share the Land's joint
                // administrations; each district takes a share in proportion to its small ones.
                var small = landDistricts.Select(d => d.Members.Where(m => m.Population < 5000 && m != d.Seat).ToList()).ToList();
                var counts = Germany.LargestRemainder(land.Associations, small.Select(m => m.Count).ToList());
                for (var k = 0; k < landDistricts.Count; k++)
                {
                    var groups = Math.Min(counts[k], small[k].Count / 2);
                    for (int g = 0, start = 0; g < groups; g++)
                    {
                        var size = small[k].Count / groups + (g < small[k].Count % groups ? 1 : 0);
                        var members = small[k].GetRange(start, size);
                        var name = kind + " " + members[0].Name;
                        var id = unique(name);
                        foreach (var m in members)
                        {
                            m.Amt = id;
                        }

                        landDistricts[k].Amter.Add((id, name, members));
                        start += size;
                    }
                }
            }

            districts.AddRange(landDistricts);
        }

        return new Region(states, districts);
    }

    /// <summary>The municipalities shuffled and dealt in turn to <paramref name="count"/> districts, each named after its largest member.</summary>
    private static List<District> DealToDistricts(IEnumerable<Place> municipalities, int count, string state, Func<string, string> unique, ref RandomStream stream)
    {
        var rest = municipalities.ToArray();
        Shuffle(rest, ref stream);
        var groups = Enumerable.Range(0, count).Select(_ => new List<Place>()).ToList();
        for (var i = 0; i < rest.Length; i++)
        {
            groups[i % count].Add(rest[i]);
        }

        return [.. groups.Select(members =>
        {
            var name = "Landkreis " + members.MaxBy(m => m.Population)!.Name;
            return new District(unique(name), name, state, members, IsCity: false);
        })];
    }

    private static int SamplePopulation(ref RandomStream stream)
    {
        var z = Math.Sqrt(-2 * Math.Log(stream.NextOpenDouble())) * Math.Cos(2 * Math.PI * stream.NextDouble());
        return (int)Math.Clamp(Math.Round(MedianPopulation * Math.Exp(PopulationSigma * z)), 30, LargestPopulation);
    }

    private static void Shuffle<T>(T[] items, ref RandomStream stream)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = stream.NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static string Slug(string name)
    {
        var text = name.ToLowerInvariant().Replace("ä", "ae").Replace("ö", "oe").Replace("ü", "ue").Replace("ß", "ss");
        var sb = new StringBuilder();
        foreach (var c in text)
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        var slug = string.Join('-', sb.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length == 0 ? "place" : slug[..Math.Min(slug.Length, 56)];
    }

    private static string Q(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static int Posts(double value, int min = 1) => Math.Max(min, (int)Math.Round(value, MidpointRounding.AwayFromZero));

    private static string Write(Header header, Region region)
    {
        var s = new StringBuilder();
        var municipalities = region.Districts.Sum(d => d.Members.Count);
        var population = region.Districts.Sum(d => d.Population);

        s.AppendLine(header.Schema is { } schema
            ? $"# yaml-language-server: $schema={schema}"
            : "# (No $schema line: no scenario.schema.json was found for this file; see docs/scenario-format.md.)");
        s.AppendLine("#");
        s.AppendLine("# A synthetic region, written by:");
        s.AppendLine($"#   {header.Command}");
        foreach (var line in header.About)
        {
            s.AppendLine(line);
        }

        s.AppendLine("# Staffing rules (ASSUMPTION unless a source is named) are in the comments of each agent kind.");
        s.AppendLine("format: 1");
        s.AppendLine($"name: {Q(header.Name)}");
        s.AppendLine($"description: {Q($"{municipalities:N0} municipalities, {region.Districts.Count(d => !d.IsCity)} districts, {region.Districts.Count(d => d.IsCity)} independent cities, {region.States.Count} {(region.States.Count == 1 ? "state" : "states")}, {region.Districts.Sum(d => d.Amter.Count)} {header.AssociationsWord}; {population:N0} inhabitants")}");
        s.AppendLine($"seed: {header.Seed}");
        s.AppendLine("start: 2025-01-01");
        s.AppendLine("horizon: 10y");
        s.AppendLine("replications: 3");
        s.AppendLine("calendar: { kind: working-days }   # Mon-Fri; public holidays differ by Land and are left out here");
        s.AppendLine("lookahead: 4h                        # the electronic hand-offs of the digitalisation variant; bounds the engine's windows, not the results");
        s.AppendLine("handoff:                            # ASSUMPTION: registry and internal mail");
        s.AppendLine("  default: 2d");
        s.AppendLine("  between_offices: 1d                # ASSUMPTION: from one office of an organisation to another");
        s.AppendLine("  rules:");
        s.AppendLine("    - { between: [state, municipal], latency: 3d }");
        s.AppendLine("    - { between: [state, district], latency: 3d }");
        s.AppendLine();
        WriteCosts(s);
        s.AppendLine("agents:");

        foreach (var (stateId, stateName) in region.States)
        {
            var inState = region.Districts.Where(d => d.State == stateId).ToList();
            var stateMunicipalities = inState.Sum(d => d.Members.Count);
            s.AppendLine($"  # --- {stateName} ---");
            s.AppendLine($"  - id: {stateId}");
            s.AppendLine("    kind: state");
            s.AppendLine($"    name: {Q(stateName)}");
            s.AppendLine("    agencies:");
            s.AppendLine($"      - {{ id: cycling-funding, name: Förderstelle Radverkehr, staff: {Posts(inState.Count / 4.0)}, roles: [cycling-funding], intake: {{ opens: 03-01, closes: 05-31 }} }}");
            s.AppendLine($"      - {{ id: urban-funding, name: Städtebauförderung, staff: {Posts(inState.Count / 4.0)}, roles: [urban-funding], intake: {{ opens: 01-15, closes: 04-30 }} }}");
            s.AppendLine($"      - {{ id: higher-authority, name: Höhere Verwaltungsbehörde, staff: {Posts(inState.Count / 3.0, 2)}, pay_group: EG 14, roles: [higher-approval] }}");
            // The Land's heritage office gives a statement on every monument permit (about 2 wd, 0.56
            // a year per 1,000 inhabitants): one post per 150,000 inhabitants (ASSUMPTION).
            s.AppendLine($"      - {{ id: heritage-office, name: Landesamt für Denkmalpflege, staff: {Posts(inState.Sum(d => d.Population) / 150000.0)}, roles: [heritage-office] }}");
            // Plan approval of roads and paths, and the operating permits of Kitas (§45, §85(2) SGB VIII),
            // are the Land's. ASSUMPTION: one plan-approval post per 80 municipalities (each leads a
            // cycle path every ten years: about 70 % busy), and one Kita-supervision post per 200,000
            // inhabitants (about half busy with one Kita per 20,000 inhabitants a year).
            s.AppendLine($"      - {{ id: plan-approval, name: Anhörungs- und Planfeststellungsbehörde (Straßen), staff: {Posts(stateMunicipalities / 80.0)}, roles: [plan-approval] }}");
            s.AppendLine($"      - {{ id: kita-supervision, name: Kita-Aufsicht (Landesjugendamt), staff: {Posts(inState.Sum(d => d.Population) / 200000.0)}, roles: [operating-permit] }}");
            // About 300 consultancies for over 10,000 municipalities: one per 35.
            s.AppendLine($"  - {{ id: {stateId}-consultancies, kind: consultancy, name: {Q("Planungsbüros " + stateName)}, parent: {stateId}, agencies: [{{ id: heat-planning, name: Wärmeplanung, staff: {Posts(stateMunicipalities / 35.0)}, roles: [heat-consulting] }}] }}");
            // Operators' own work keeps their staff about 30-40 % busy, as in rural-district.yaml (ASSUMPTION).
            var gridStaff = Posts(stateMunicipalities / 150.0, 2);
            var railStaff = Posts(stateMunicipalities / 60.0);   // every cross-municipal cycle path asks it
            s.AppendLine($"  - {{ id: {stateId}-grid, kind: national-operator, name: {Q("Verteilnetzbetreiber " + stateName)}, parent: {stateId}, agencies: [{{ id: connections, name: Netzanschluss und Netzdaten, staff: {gridStaff}, roles: [grid], queue: priority, background: {{ rate: {gridStaff * 75}/year, effort: {{ dist: exponential, mean: 1wd }}, priority: 1 }} }}] }}");
            s.AppendLine($"  - {{ id: {stateId}-db-infrago, kind: national-operator, name: {Q("DB InfraGO, Regionalbereich " + stateName)}, parent: {stateId}, agencies: [{{ id: station-team, name: \"Regionalbereich, Bahnhofsmanagement\", staff: {railStaff}, productivity: 0.5, roles: [rail-infrastructure], queue: priority, background: {{ rate: {railStaff * 8}/year, effort: {{ dist: exponential, mean: 5wd }}, priority: 1 }} }}] }}");

            foreach (var d in inState)
            {
                var pop = d.Population;
                var districtAgencies = DistrictAgencies(pop);
                if (d.Boroughs.Count > 0)
                {
                    WriteTwoTierCity(s, d, stateId);
                    continue;
                }

                if (d.IsCity)
                {
                    var c = d.Members[0];
                    s.AppendLine($"  - {{ id: {c.Id}, kind: city, name: {Q(c.Name)}, population: {c.Population}, parent: {stateId}, agencies: [{districtAgencies}, "
                        + $"{{ id: building-office, name: Stadtplanungsamt, staff: {Posts(c.Population / 10000.0)}, queue: priority, roles: [municipal-planning] }}, "
                        + $"{{ id: council, name: Stadtverordnetenversammlung, roles: [council, county-council], sessions: {{ every: 28d, agenda: 20, submission: 14d }} }}] }}");
                    WriteCompanies(s, c.Id, c.Name, pop);
                    continue;
                }

                s.AppendLine($"  - {{ id: {d.Id}, kind: district, name: {Q(d.Name)}, population: {pop}, parent: {stateId}, agencies: [{districtAgencies}, "
                    + "{ id: kreistag, name: Kreistag, roles: [county-council], sessions: { every: 56d, agenda: 20, submission: 21d } }] }");
                foreach (var (amtId, amtName, members) in d.Amter)
                {
                    s.AppendLine($"  - {{ id: {amtId}, kind: amt, name: {Q(amtName)}, parent: {d.Id}, agencies: [{{ id: building-office, name: Bauamt, staff: {Posts(members.Sum(m => m.Population) / 6000.0)}, queue: priority, roles: [municipal-planning] }}] }}");
                }

                foreach (var m in d.Members.OrderByDescending(m => m.Population))
                {
                    var council = m.Population >= 3000
                        ? "{ id: council, name: Gemeindevertretung, roles: [council], sessions: { every: 28d, agenda: 12, submission: 14d } }"
                        : "{ id: council, name: Gemeindevertretung, roles: [council], sessions: { every: 42d, agenda: 8, submission: 14d } }";
                    var office = m.Amt is null ? $"{{ id: building-office, name: Bauamt, staff: {Posts(m.Population / 10000.0)}, queue: priority, roles: [municipal-planning] }}, " : "";
                    s.AppendLine($"  - {{ id: {m.Id}, kind: municipality, name: {Q(m.Name)}, population: {m.Population}, parent: {m.Amt ?? d.Id}, agencies: [{office}{council}] }}");
                }

                WriteCompanies(s, d.Seat.Id, d.Seat.Name, pop);
            }
        }

        s.AppendLine();
        using (var library = typeof(RegionGenerator).Assembly.GetManifestResourceStream("IsdnSim.Scenario.Generation.process-library.yaml")!)
        using (var reader = new StreamReader(library))
        {
            s.Append(reader.ReadToEnd());
        }

        s.AppendLine();
        s.AppendLine("demand:");
        s.AppendLine("  - { process: cycle-path, rate: 0.1/year }                                       # ASSUMPTION");
        s.AppendLine("  - { process: station-quarter, min_population: 10000, rate: 0.05/year }          # ASSUMPTION");
        s.AppendLine("  - { process: social-infrastructure, rate: 1/year, per_inhabitants: 20000 }      # ASSUMPTION");
        // Heritage permits are everyday cases, like building applications: at this scale they would
        // be seven times the projects above (Germany: 1.3 times the run time, twice the memory), so
        // they are left out; the line below, uncommented, simulates them.
        s.AppendLine("  # - { process: heritage-permit, rate: 0.56/year, per_inhabitants: 1000 }      # everyday cases, left out at this scale (BENCHMARKS.md)");
        s.AppendLine();
        s.AppendLine("shocks:");
        s.AppendLine("  - id: heat-planning-law                  # Wärmeplanungsgesetz: by mid-2026 over 100,000, by mid-2028 the rest");
        s.AppendLine("    name: Wärmeplanungsgesetz (heat-planning law)");
        s.AppendLine("    date: 2024-01-01");
        s.AppendLine("    process: heat-plan");
        s.AppendLine("    groups:");
        s.AppendLine("      - { name: \"over 100,000 inhabitants\", min_population: 100001, deadline: 2026-06-30 }");
        s.AppendLine("      - { name: \"10,000 to 100,000 inhabitants\", min_population: 10000, max_population: 100000, deadline: 2028-06-30 }");
        s.AppendLine("      - { name: \"under 10,000 inhabitants\", max_population: 9999, deadline: 2028-06-30, process: heat-plan-simplified }   # §22 WPG");
        s.AppendLine();
        WriteVariants(s, region);
        return s.ToString();
    }

    /// <summary>The costs of rural-district.yaml (docs/calibration.md): pay groups of Landkreis Nienburg/Weser's Stellenplan 2024, KGSt overhead, the federal workplace cost.</summary>
    private static void WriteCosts(StringBuilder s)
    {
        s.AppendLine("# What a post costs a year, employer contributions included (Landkreis Nienburg/Weser, Stellenplan 2024);");
        s.AppendLine("# the pay group of agencies that name none (ASSUMPTION); overhead 20 % (KGSt); workplace (BMF). See docs/calibration.md.");
        s.AppendLine("costs:");
        s.AppendLine("  pay_groups: { EG 14: 100_300 EUR/year, A 11: 98_900 EUR/year, EG 9c: 72_300 EUR/year, EG 9b: 71_600 EUR/year, EG 6: 55_900 EUR/year }");
        s.AppendLine("  defaults: { municipality: EG 9b, amt: EG 9b, city: EG 9c, district: EG 9c, borough: EG 9c, state: A 11, utility: EG 9c, housing-company: EG 9c, national-operator: EG 9c, consultancy: EG 14 }");
        s.AppendLine("  overhead: 0.2");
        s.AppendLine("  workplace: 10_455 EUR/year");
        s.AppendLine();
    }

    /// <summary>The specialised authorities of a district, an independent city or a Bezirk, staffed for its population.</summary>
    private static string DistrictAgencies(int pop) =>
        // Building control: one post per 5,100 inhabitants (DIW); ASSUMPTION: a quarter of
        // it is free for these processes, the rest goes to everyday building applications.
        $"{{ id: building, name: Untere Bauaufsichtsbehörde, staff: {Posts(pop / 5100.0, 2)}, productivity: 0.25, pay_group: A 11, roles: [building-authority] }}, "
        + $"{{ id: nature, name: Untere Naturschutzbehörde, staff: {Posts(pop / 80000.0)}, roles: [nature-protection] }}, "
        + $"{{ id: youth, name: Jugendamt, staff: {Posts(pop / 60000.0)}, roles: [youth-welfare] }}, "
        + $"{{ id: roads, name: Straßenverkehrsbehörde, staff: {Posts(pop / 150000.0)}, roles: [roads] }}, "
        + $"{{ id: social, name: Sozialplanung, staff: {Posts(pop / 150000.0)}, roles: [social-planning] }}, "
        // Lower monument authority: one post per 250 monuments (ASSUMPTION) at 5.6 monuments per
        // 1,000 inhabitants (Brandenburg, BLDAM 2025): one per 44,600 inhabitants.
        + $"{{ id: monuments, name: Untere Denkmalschutzbehörde, staff: {Posts(pop / 44600.0)}, roles: [monument-authority] }}";

    /// <summary>
    /// A city state of Bezirke (Berlin, Hamburg): the city keeps what is done once for all of it
    /// (its Senate departments or Behörden, its parliament), each Bezirk does the municipal and
    /// district work for its part as an independent city would, with its own assembly.
    /// </summary>
    private static void WriteTwoTierCity(StringBuilder s, District d, string stateId)
    {
        var c = d.Members[0];
        var (parliament, planning, assembly, office) = c.Name == "Hamburg"
            ? ("Bürgerschaft", "Behörde für Stadtentwicklung und Wohnen", "Bezirksversammlung", "Fachamt Stadt- und Landschaftsplanung")
            : ("Abgeordnetenhaus", "Senatsverwaltung für Stadtentwicklung", "Bezirksverordnetenversammlung", "Stadtentwicklungsamt");
        // ASSUMPTION: two posts of the Senate's planning department for the city's own projects (its
        // heat plan); its higher building and nature authorities are consulted on it.
        s.AppendLine($"  - {{ id: {c.Id}, kind: city, name: {Q(c.Name)}, population: {c.Population}, parent: {stateId}, agencies: ["
            + $"{{ id: building-office, name: {planning}, staff: 2, roles: [municipal-planning] }}, "
            + "{ id: building, name: Oberste Bauaufsicht, staff: 1, roles: [building-authority] }, "
            + "{ id: nature, name: Oberste Naturschutzbehörde, staff: 1, roles: [nature-protection] }, "
            + $"{{ id: council, name: {parliament}, roles: [council], sessions: {{ every: 28d, agenda: 20, submission: 14d }} }}] }}");
        foreach (var b in d.Boroughs)
        {
            s.AppendLine($"  - {{ id: {b.Id}, kind: borough, name: {Q(b.Name)}, population: {b.Population}, parent: {c.Id}, agencies: [{DistrictAgencies(b.Population)}, "
                + $"{{ id: building-office, name: {office}, staff: {Posts(b.Population / 10000.0)}, roles: [municipal-planning] }}, "
                + $"{{ id: council, name: {assembly}, roles: [council, county-council], sessions: {{ every: 28d, agenda: 20, submission: 14d }} }}] }}");
        }

        WriteCompanies(s, c.Id, c.Name, c.Population);
    }

    private static void WriteCompanies(StringBuilder s, string owner, string ownerName, int population)
    {
        s.AppendLine($"  - {{ id: {owner}-stadtwerke, kind: utility, name: {Q("Stadtwerke " + ownerName)}, parent: {owner}, agencies: [{{ id: network-planning, name: Netzplanung, staff: {Posts(population / 100000.0)}, roles: [utility-lines] }}, {{ id: heat, name: Wärme und Daten (heat and data), staff: {Posts(population / 100000.0)}, roles: [heat-data] }}] }}");
        s.AppendLine($"  - {{ id: {owner}-wohnbau, kind: housing-company, name: {Q("Wohnungsbaugesellschaft " + ownerName)}, parent: {owner}, agencies: [{{ id: projects, name: Projektentwicklung (development), staff: {Posts(population / 50000.0)}, roles: [housing] }}] }}");
    }

    private static void WriteVariants(StringBuilder s, Region region)
    {
        s.AppendLine("variants:");
        s.AppendLine("  - { id: status-quo, name: Status quo, operations: [] }");

        // Districts merge pairwise within their state; a region where no state has two districts
        // (e.g. --districts 1) has nothing to merge, so it gets no merger variant and its austerity
        // variant is the staff cut alone.
        var pairs = region.States
            .SelectMany(state =>
            {
                var districts = region.Districts.Where(d => d.State == state.Id && !d.IsCity).ToList();
                return Enumerable.Range(0, districts.Count / 2).Select(i => (First: districts[2 * i], Second: districts[2 * i + 1]));
            })
            .ToList();
        var variants = pairs.Count == 0
            ? new[]
            {
                ("austerity", "Austerity (Sparvariante)", "No two districts share a state, so nothing merges: a cut of a fifth in the districts (ASSUMPTION: a future austerity round).", "0.9", true),
            }
            : new[]
            {
                ("merger-only", "District merger only (Kreisfusion)", "Districts merged pairwise within each state (as Saxony 2008) with their staff: the evidence finds no savings (Rösel 2017).", "1", false),
                ("austerity", "Austerity (Spar- und Fusionsvariante)", "The merger with the savings mergers promise (ASSUMPTION: a tenth) and a further cut of a fifth in the districts (ASSUMPTION: a future austerity round).", "0.9", true),
            };
        foreach (var (id, name, description, staffFactor, cut) in variants)
        {
            s.AppendLine($"  - id: {id}");
            s.AppendLine($"    name: {name}");
            s.AppendLine($"    description: {Q(description)}");
            s.AppendLine("    operations:");
            foreach (var (first, second) in pairs)
            {
                s.AppendLine($"      - {{ op: merge_districts, districts: [{first.Id}, {second.Id}], into: {first.Id}-plus, name: {Q(first.Name + " (merged)")}, staff_factor: {staffFactor}, handoff: 3d }}");
            }

            if (cut)
            {
                s.AppendLine("      - { op: scale_staff, kind: district, factor: 0.8 }");
            }
        }

        s.AppendLine("  - id: democratisation");
        s.AppendLine("    name: Democratisation (kommunale Federführung)");
        s.AppendLine("    description: Municipal lead on building control from 10,000 inhabitants with the district as a service; a working group per district; liaisons at DB InfraGO and the grid operators.");
        s.AppendLine("    operations:");
        s.AppendLine("      - { op: delegate, role: building-authority, min_population: 10000, support_share: 0.25 }");
        foreach (var d in region.Districts.Where(d => !d.IsCity))
        {
            s.AppendLine($"      - {{ op: working_group, id: {d.Id}-sozialraum, below: {d.Id}, every: 28d }}");
        }

        foreach (var (stateId, _) in region.States)
        {
            s.AppendLine($"      - {{ op: liaison, agent: {stateId}-db-infrago, priority: 0, response: 2d }}");
            s.AppendLine($"      - {{ op: liaison, agent: {stateId}-grid, priority: 0, response: 2d }}");
        }

        // As in rural-district.yaml, without fewer returns: generated regions carry everyday building
        // applications as reduced productivity, not as projects whose completeness is checked.
        s.AppendLine("  - id: digitalisation");
        s.AppendLine("    name: Digitalisation (OZG, digitale Baugenehmigung)");
        s.AppendLine("    description: Files between the administrations electronically, in four hours instead of days (ASSUMPTION), and what it costs (ASSUMPTION; a quarter of a building authority's platform cost, as a quarter of its posts works on these processes).");
        s.AppendLine("    operations:");
        foreach (var pair in new[] { "municipal, municipal", "municipal, district", "municipal, state", "district, district", "district, state" })
        {
            s.AppendLine($"      - {{ op: handoff, between: [{pair}], latency: 4h }}");
        }

        s.AppendLine("      - { op: add_cost, id: ozg-platform, name: Operating the digital building permit (the Land's share), role: higher-approval, amount: 10_000 EUR/year }");
        s.AppendLine("      - { op: add_cost, id: digital-permit, name: \"Software, e-files and e-government support of a building authority (a quarter)\", role: building-authority, amount: 5_000 EUR/year, posts: 0.125, pay_group: EG 9b }");
        s.AppendLine("      - { op: add_cost, id: e-file, name: E-files of a municipal building office, role: municipal-planning, amount: 3_000 EUR/year }");
        // Joint heat plans need joint administrations to run them.
        if (region.Districts.Any(d => d.Amter.Count > 0))
        {
            s.AppendLine("  - id: heat-konvoi");
            s.AppendLine("    name: Joint heat plans of the joint administrations (Konvoi)");
            s.AppendLine("    description: The municipalities of each Amt (Samtgemeinde, Verbandsgemeinde, Verwaltungsgemeinschaft) make one joint heat plan, run by it (§4(3) WPG).");
            s.AppendLine("    operations:");
            s.AppendLine("      - { op: joint_mandate, shock: heat-planning-law, by: amt, process: heat-plan-joint }");
        }
    }
}
