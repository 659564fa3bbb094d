using System.Text.Json.Serialization;
using IsdnSim.Kernel.Model;

namespace IsdnSim.Analysis.Metrics;

/// <summary>
/// One agency in one replication, named by its ids (an agency's index differs between the variants
/// of a comparison; its id does not). Utilisation per simulated year, for the heatmap of moving
/// bottlenecks. An experiment stores the positional members as they are (in each stored
/// replication; they were called AgencyDigest), so their names are a file format: rename one and
/// old experiments no longer resume. The members below them are not stored: an experiment's cells
/// do not report them, and it keeps its stability verdicts in its own digest.
/// </summary>
public sealed record AgencyFigures(
    string Agent,
    string Agency,
    string Name,
    string Organisation,
    int Staff,
    bool IsCouncil,
    double Utilisation,
    double WaitingCaused,
    double DeterminingShare,
    double[] YearUtilisation)
{
    [JsonIgnore]
    public double MeanQueueLength { get; init; } = double.NaN;

    [JsonIgnore]
    public double MeanWait { get; init; } = double.NaN;

    [JsonIgnore]
    public long ItemsDone { get; init; }

    /// <summary>Steps of its roles done by law (a legal fiction ran out).</summary>
    [JsonIgnore]
    public long Fictions { get; init; }

    /// <summary>The share of the posts' working time their holders were present and the posts filled (NaN for a council).</summary>
    [JsonIgnore]
    public double PresentShare { get; init; } = double.NaN;

    /// <summary>Busy time over the working time of the staff present (NaN for a council).</summary>
    [JsonIgnore]
    public double PresentUtilisation { get; init; } = double.NaN;

    /// <summary>The verdict on the agency's queue (<see cref="AgencyStability"/>); null when read back from a stored replication.</summary>
    [JsonIgnore]
    public AgencyStability? Stability { get; init; }

    /// <summary>Every agency of <paramref name="model"/> in one replication, in the scenario's order (agents, and each agent's agencies, as the file lists them).</summary>
    public static IReadOnlyList<AgencyFigures> Of(SimulationModel model, ReplicationFigures figures) =>
    [
        .. figures.Agencies.Select((a, i) =>
        {
            var agent = model.Agents[a.Agent];
            var agency = agent.Agencies[a.Agency];
            return new AgencyFigures(agent.Id, agency.Id, agency.Name, agent.Name, a.Staff, a.IsCouncil, a.Utilisation, a.WaitingCaused,
                figures.DeterminingShare[i], a.YearUtilisation)
            {
                MeanQueueLength = a.MeanQueueLength,
                MeanWait = a.MeanWait,
                ItemsDone = a.Done,
                Fictions = a.Fictions,

                PresentShare = a.IsCouncil ? double.NaN : a.PresentShare,
                PresentUtilisation = a.IsCouncil ? double.NaN : a.PresentUtilisation,
                Stability = AgencyStability.Of(model, a),
            };
        }),
    ];
}
