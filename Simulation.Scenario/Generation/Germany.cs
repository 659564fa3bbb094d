namespace IsdnSim.Scenario.Generation;

/// <summary>
/// The sixteen Länder as the Federal Statistical Office counts them (Destatis, Gemeindeverzeichnis
/// GV100AD, status 30.11.2023): 10,773 municipalities, 294 districts, 106 independent cities.
/// </summary>
/// <remarks>
/// GV100AD counts the joint administrations by kind for Germany as a whole: 208 Ämter, 114
/// Samtgemeinden, 148 Verbandsgemeinden, 574 Verwaltungsgemeinschaften and 120 Verwaltungsverbände.
/// Which Länder have which kind is law (Amtsordnungen of Schleswig-Holstein, Brandenburg and
/// Mecklenburg-Vorpommern; Samtgemeinden in Niedersachsen; Verbandsgemeinden in Rheinland-Pfalz
/// and Sachsen-Anhalt; Verwaltungsgemeinschaften and -verbände in Bayern, Baden-Württemberg,
/// Sachsen and Thüringen). How a national total splits among the Länder of its kind is not in the
/// table: it is shared in proportion to their municipalities (ASSUMPTION, docs/calibration.md).
/// </remarks>
public static class Germany
{
    /// <summary>Joint administrations of each kind in Germany (GV100AD 30.11.2023); Verwaltungsverbände counted with Verwaltungsgemeinschaften.</summary>
    public static readonly IReadOnlyDictionary<string, int> AssociationTotals = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["Amt"] = 208,
        ["Samtgemeinde"] = 114,
        ["Verbandsgemeinde"] = 148,
        ["Verwaltungsgemeinschaft"] = 574 + 120,
    };

    private static readonly (string Name, int Municipalities, int Districts, int Cities, string? Association)[] Table =
    [
        ("Schleswig-Holstein", 1_104, 11, 4, "Amt"),
        ("Hamburg", 1, 0, 1, null),
        ("Niedersachsen", 939, 37, 8, "Samtgemeinde"),
        ("Bremen", 2, 0, 2, null),
        ("Nordrhein-Westfalen", 396, 31, 22, null),
        ("Hessen", 421, 21, 5, null),
        ("Rheinland-Pfalz", 2_301, 24, 12, "Verbandsgemeinde"),
        ("Baden-Württemberg", 1_101, 35, 9, "Verwaltungsgemeinschaft"),
        ("Bayern", 2_056, 71, 25, "Verwaltungsgemeinschaft"),
        ("Saarland", 52, 6, 0, null),   // five Landkreise and the Regionalverband Saarbrücken
        ("Berlin", 1, 0, 1, null),
        ("Brandenburg", 413, 14, 4, "Amt"),
        ("Mecklenburg-Vorpommern", 726, 6, 2, "Amt"),
        ("Sachsen", 418, 10, 3, "Verwaltungsgemeinschaft"),
        ("Sachsen-Anhalt", 218, 11, 3, "Verbandsgemeinde"),
        ("Thüringen", 624, 17, 5, "Verwaltungsgemeinschaft"),
    ];

    // The city states' populations, rounded (Destatis, 2023): they are not drawn, since a Land of
    // one municipality drawn from the national distribution would be a village.
    private static readonly Dictionary<string, (string, int)[]> CityStates = new(StringComparer.Ordinal)
    {
        ["Hamburg"] = [("Hamburg", 1_900_000)],
        ["Bremen"] = [("Bremen", 570_000), ("Bremerhaven", 115_000)],
        ["Berlin"] = [("Berlin", 3_800_000)],
    };

    // The Bezirke of the two-tier city states and what each weighs in the split of the city's
    // population (largest remainder). Berlin (twelve since 2001, Gebietsreformgesetz 1998): the
    // register counts of 2007, in thousands (Statistisches Landesamt Berlin, as tabulated by the
    // wissen.de lexicon); the 2023 counts of Pankow, Mitte and Spandau (statista) give shares within
    // one percentage point of these. Hamburg (seven, Bezirksverwaltungsgesetz): the register counts
    // of 2023 (Statistikamt Nord). Bremen's Stadtteile have advisory Beiräte, not Bezirke with an
    // administration of their own, and stay one city each.
    private static readonly Dictionary<string, (string Name, int Weight)[]> BoroughWeights = new(StringComparer.Ordinal)
    {
        ["Berlin"] =
        [
            ("Mitte", 323), ("Friedrichshain-Kreuzberg", 260), ("Pankow", 355), ("Charlottenburg-Wilmersdorf", 310),
            ("Spandau", 216), ("Steglitz-Zehlendorf", 287), ("Tempelhof-Schöneberg", 326), ("Neukölln", 303),
            ("Treptow-Köpenick", 235), ("Marzahn-Hellersdorf", 246), ("Lichtenberg", 251), ("Reinickendorf", 242),
        ],
        ["Hamburg"] =
        [
            ("Hamburg-Mitte", 312_641), ("Altona", 280_838), ("Eimsbüttel", 276_222), ("Hamburg-Nord", 328_454),
            ("Wandsbek", 455_185), ("Bergedorf", 133_813), ("Harburg", 176_868),
        ],
    };

    /// <summary>The Länder in the order of their official key (01 Schleswig-Holstein to 16 Thüringen).</summary>
    public static IReadOnlyList<GermanLand> Lands { get; } = Build();

    private static List<GermanLand> Build()
    {
        var shares = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var (kind, total) in AssociationTotals)
        {
            var weights = Table.Select(l => l.Association == kind ? l.Municipalities : 0).ToArray();
            shares[kind] = LargestRemainder(total, weights);
        }

        return Table.Select((l, i) =>
        {
            var fixedCities = CityStates.TryGetValue(l.Name, out var given) ? given : [];
            return new GermanLand(
                l.Name, l.Municipalities, l.Districts, l.Cities, l.Association,
                l.Association is { } kind ? shares[kind][i] : 0,
                fixedCities,
                fixedCities.Where(c => BoroughWeights.ContainsKey(c.Item1)).ToDictionary(c => c.Item1, c => Boroughs(c.Item1, c.Item2), StringComparer.Ordinal));
        }).ToList();
    }

    /// <summary>A two-tier city's population split among its Bezirke in proportion to their weights.</summary>
    private static IReadOnlyList<(string Name, int Population)> Boroughs(string city, int population)
    {
        var weights = BoroughWeights[city];
        var split = LargestRemainder(population, [.. weights.Select(w => w.Weight)]);
        return [.. weights.Select((w, k) => (w.Name, split[k]))];
    }

    /// <summary>Splits <paramref name="total"/> in proportion to <paramref name="weights"/> into whole numbers that add up to it (Hamilton's method; ties go to the earlier entry).</summary>
    public static int[] LargestRemainder(int total, IReadOnlyList<int> weights)
    {
        long sum = weights.Sum(w => (long)w);
        var result = new int[weights.Count];
        if (sum == 0)
        {
            return result;
        }

        var remainders = new (long Remainder, int Index)[weights.Count];
        for (var i = 0; i < weights.Count; i++)
        {
            var exact = (long)total * weights[i];
            result[i] = (int)(exact / sum);
            remainders[i] = (exact % sum, i);
        }

        var left = total - result.Sum();
        foreach (var (_, index) in remainders.OrderByDescending(r => r.Remainder).ThenBy(r => r.Index).Take(left))
        {
            result[index]++;
        }

        return result;
    }
}
