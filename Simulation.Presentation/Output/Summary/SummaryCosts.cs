using IsdnSim.Analysis.Metrics;

namespace IsdnSim.Presentation.Output.Summary;

/// <summary>
/// What the modelled posts cost, in euros: a year for the administration (the public budget:
/// municipalities, Ämter, cities, districts, the state), for the companies and operators (their
/// staff is paid outside the public budget) and for both; per finished project (the yearly cost
/// over the projects finished per year); and a year per level. Each line is in costs.csv.
/// </summary>
public sealed record SummaryCosts(
    string Currency,
    SummaryEstimate AdministrationPerYear,
    SummaryEstimate CompaniesAndOperatorsPerYear,
    SummaryEstimate TotalPerYear,
    SummaryEstimate AdministrationPerFinishedProject,
    SummaryEstimate AllPerFinishedProject,
    IReadOnlyList<SummaryCostLevel> ByLevel)
{
    public static SummaryCosts From(CostEstimates c) => new(
        "EUR",
        SummaryEstimate.From(c.Administration),
        SummaryEstimate.From(c.Companies),
        SummaryEstimate.From(c.Total),
        SummaryEstimate.From(c.PerFinishedProject),
        SummaryEstimate.From(c.PerFinishedProjectAll),
        [.. c.ByLevel.Select(l => new SummaryCostLevel(l.Level, l.InPublicBudget, SummaryEstimate.From(l.Cost)))]);
}

/// <summary>One level's cost a year; <see cref="PublicBudget"/> whether it counts towards the administration's.</summary>
public sealed record SummaryCostLevel(string Level, bool PublicBudget, SummaryEstimate PerYear);
