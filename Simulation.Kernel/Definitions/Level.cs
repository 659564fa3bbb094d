namespace IsdnSim.Kernel.Definitions;

/// <summary>
/// A level of the administration (and beside it): what an agent counts as in tallies of hand-offs
/// and rework, and what a hand-off rule or a jurisdiction rule can name instead of one agent.
/// The order is the order of the tally matrices in result files; do not reorder.
/// </summary>
public enum Level
{
    /// <summary>Gemeinden and Ämter.</summary>
    Municipal,

    /// <summary>Kreisfreie Städte: municipal and district in one; so are the Bezirke of a two-tier city.</summary>
    City,

    District,

    State,

    /// <summary>Municipal companies: utilities and housing companies.</summary>
    Company,

    National,

    Consultancy,
}
