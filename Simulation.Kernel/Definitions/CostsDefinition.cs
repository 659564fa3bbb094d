namespace IsdnSim.Kernel.Definitions;

/// <summary>
/// What the modelled posts cost a year, as data: the yearly cost of one full-time post per pay
/// group (Entgeltgruppe of the TVöD or Besoldungsgruppe, employer contributions included), the
/// overhead surcharge on staff cost (Gemeinkostenzuschlag: management, personnel office, central
/// services), the material cost of a workplace (Sachkosten: room, office, IT), and further yearly
/// costs borne by an agent (an IT platform, liaison posts). Costs never change what happens in a
/// run; they are figures reported beside it.
/// </summary>
/// <param name="PayGroups">Euros per post and year, by the pay group's name ("EG 9c", "A 11").</param>
/// <param name="Overhead">Surcharge on staff cost, as a share (0.2: 20 %).</param>
/// <param name="Workplace">Euros per post and year.</param>
public sealed record CostsDefinition(
    IReadOnlyDictionary<string, double> PayGroups,
    double Overhead,
    double Workplace,
    IReadOnlyList<YearlyCostDefinition> Items)
{
    /// <summary>The full yearly cost of one post at <paramref name="perYear"/> staff cost: staff, overhead and workplace.</summary>
    public double PerPost(double perYear) => perYear * (1 + Overhead) + Workplace;
}

/// <summary>
/// The staff cost of one post of an agency: its pay group and the yearly cost of a post in it.
/// Where agencies of different pay groups were pooled (a merger), the pay group names them all
/// and the cost is their staff-weighted mean, so that pooling alone changes no cost.
/// </summary>
public sealed record PostCost(string PayGroup, double PerYear);

/// <summary>
/// A further yearly cost borne by an agent: a sum of money (<see cref="Amount"/>, euros a year:
/// a platform's licences and operation), or posts of a pay group (<see cref="Posts"/> and
/// <see cref="Pay"/>: costed as staff, overhead and workplace included), or both.
/// </summary>
public sealed record YearlyCostDefinition(string Id, string Name, string Agent, double Amount, double Posts, PostCost? Pay, SourcePosition Position)
{
    /// <summary>The item's yearly cost under <paramref name="costs"/>' overhead and workplace rates.</summary>
    public double PerYear(CostsDefinition costs) => Amount + (Pay is { } pay ? Posts * costs.PerPost(pay.PerYear) : 0);
}
