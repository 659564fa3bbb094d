using IsdnSim.Presentation.Labels;

namespace IsdnSim.Presentation.Tracing;

/// <summary>
/// The names a trace's header gives its agents and agencies, for what a replay shows people: an
/// agency as "Bauamt — Amt Seegrund", an organisation by its name. An id the header does not know
/// stands for itself.
/// </summary>
public sealed class TraceNames
{
    private readonly Dictionary<string, string> _agents = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Agent, string Agency), string> _agencies = [];

    public TraceNames(TraceInfo info)
    {
        foreach (var agent in info.Agents)
        {
            _agents[agent.Id] = agent.Name;
            foreach (var agency in agent.Agencies)
            {
                _agencies[(agent.Id, agency.Id)] = agency.Name;
            }
        }
    }

    /// <summary>The organisation: "Landkreis Seeblick".</summary>
    public string Agent(string id) => _agents.GetValueOrDefault(id, id);

    /// <summary>The agency's own name: "Bauamt".</summary>
    public string AgencyName(string agent, string agency) => _agencies.GetValueOrDefault((agent, agency), agency);

    /// <summary>The agency with its organisation: "Bauamt — Amt Seegrund".</summary>
    public string Agency(string agent, string agency) => DisplayNames.Agency(AgencyName(agent, agency), Agent(agent));
}
