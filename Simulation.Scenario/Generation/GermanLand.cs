namespace IsdnSim.Scenario.Generation;

/// <summary>
/// One Land of <see cref="Germany"/>: how many municipalities (Gemeinden), districts (Landkreise)
/// and independent cities (kreisfreie Städte) it has, and the kind and number of its joint
/// administrations of small municipalities, if its law has them.
/// </summary>
/// <param name="Association">What the Land's law calls a joint administration (Amt,
/// Samtgemeinde, Verbandsgemeinde, Verwaltungsgemeinschaft), or null where municipalities
/// administer themselves (Nordrhein-Westfalen, Hessen, Saarland, the city states).</param>
/// <param name="Associations">How many of them the generator writes (see <see cref="Germany"/>).</param>
/// <param name="FixedCities">Cities whose name and population are given instead of drawn: the city states.</param>
/// <param name="Boroughs">The Bezirke of a two-tier city (Berlin, Hamburg) by the city's name, with their populations, adding up to the city's.</param>
public sealed record GermanLand(
    string Name,
    int Municipalities,
    int Districts,
    int Cities,
    string? Association,
    int Associations,
    IReadOnlyList<(string Name, int Population)> FixedCities,
    IReadOnlyDictionary<string, IReadOnlyList<(string Name, int Population)>> Boroughs);
