namespace IsdnSim.Kernel.Definitions;

/// <summary>The kinds of organisation in the German multi-level administration.</summary>
public enum AgentKind
{
    /// <summary>Gemeinde: administration and council of one municipality.</summary>
    Municipality,

    /// <summary>Amt / Verbandsgemeinde: a shared administration serving several small municipalities.</summary>
    Amt,

    /// <summary>Landkreis: specialised agencies and the Kreistag (district council).</summary>
    District,

    /// <summary>Kreisfreie Stadt: municipality and district in one organisation.</summary>
    City,

    /// <summary>Land: funding agencies and higher approval authorities.</summary>
    State,

    /// <summary>Stadtwerke: a municipal utility.</summary>
    Utility,

    /// <summary>Wohnungsunternehmen: a (municipal) housing company.</summary>
    HousingCompany,

    /// <summary>A national operator of public infrastructure, e.g. DB InfraGO or a grid operator.</summary>
    NationalOperator,

    /// <summary>Private planning consultancies (Planungsbüros), e.g. the few hundred that write heat plans.</summary>
    Consultancy,

    /// <summary>
    /// Bezirk of a two-tier city (Berlin, Hamburg): a Bezirksamt and an elected assembly
    /// (Bezirksverordnetenversammlung, Bezirksversammlung) doing the municipal and district work
    /// for its part of the city, which is its parent. Not a municipality in law: a law that obliges
    /// municipalities obliges the city.
    /// </summary>
    Borough,
}
