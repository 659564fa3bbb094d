namespace IsdnSim.Scenario.Generation;

/// <summary>The size and shape of a synthetic region: municipalities, districts, independent cities, states, Ämter.</summary>
public sealed record RegionSpec(int Municipalities, int Districts, int Cities, int States, bool Amter, ulong Seed, string? Name = null)
{
    public const int MaxMunicipalities = 20_000;

    /// <summary>What is wrong with these numbers, or null.</summary>
    public string? Problem() =>
        Municipalities is < 1 or > MaxMunicipalities ? $"--municipalities must be between 1 and {MaxMunicipalities:N0}, found {Municipalities}"
        : Districts < 1 ? $"--districts must be at least 1, found {Districts}"
        : Cities < 0 ? $"--cities must not be negative, found {Cities}"
        : Municipalities - Cities < Districts ? $"{Municipalities} municipalities cannot fill {Districts} districts besides {Cities} independent cities: each district needs at least one"
        : States < 1 || States > Districts + Cities ? $"--states must be between 1 and the number of districts and cities ({Districts + Cities}), found {States}"
        : null;
}
