using IsdnSim.Core.Scenario;

namespace IsdnSim.Core.Model;

public sealed record AgentModel(
    int Index,
    string Id,
    AgentKind Kind,
    string Name,
    int? Population,
    IReadOnlyList<AgencyModel> Agencies,
    ulong IdHash);
