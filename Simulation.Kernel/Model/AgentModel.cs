using IsdnSim.Kernel.Definitions;

namespace IsdnSim.Kernel.Model;

public sealed record AgentModel(
    int Index,
    string Id,
    AgentKind Kind,
    string Name,
    int? Population,
    IReadOnlyList<AgencyModel> Agencies,
    ulong IdHash)
{
    /// <summary>The agent above this one, or -1.</summary>
    public int Parent { get; init; } = -1;

    /// <summary>The agent's <see cref="Definitions.Level"/> as an index into <see cref="SimulationModel.Levels"/>, for tallies between levels.</summary>
    public int Level { get; init; }

    /// <summary>The Amt administering this municipality, or -1.</summary>
    public int Amt { get; init; } = -1;

    /// <summary>
    /// Where this territory is governed: itself if it has a council, else the nearest agent
    /// above it with one (a city, for its quarters). Decisions taken there are taken for it.
    /// </summary>
    public int Seat { get; init; }

    /// <summary>Where projects of this territory start: itself if it has any agency, else the nearest agent above it that has.</summary>
    public int Host { get; init; }

    /// <summary>Inhabitants per elected member of the agent's assembly; NaN if its population or seats are not given.</summary>
    public double InhabitantsPerSeat { get; init; } = double.NaN;

    /// <summary>Where the agent sits, if the scenario says.</summary>
    public GeoPoint? Location { get; init; }

    /// <summary>Per committee role (<see cref="SimulationModel.CommitteeRoles"/>), this agent's agency that lists it, or -1.</summary>
    public int[] Committees { get; init; } = [];
}
