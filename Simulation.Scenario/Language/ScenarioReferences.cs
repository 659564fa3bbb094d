using IsdnSim.Kernel.Definitions;
using YamlDotNet.RepresentationModel;

namespace IsdnSim.Scenario.Language;

/// <summary>
/// Names one section of a scenario uses for entries of another, with the nodes they are written
/// at: the section binders add to it, <see cref="ReferenceChecks"/> checks it once every section
/// is read, so its messages point at the right place.
/// </summary>
internal sealed class ScenarioReferences
{
    /// <summary>Agent ids as declared, even where the rest of the entry had errors: references to them are not errors too.</summary>
    public Dictionary<string, YamlNode> AgentIds { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, YamlNode> ProcessIds { get; } = new(StringComparer.Ordinal);

    public List<(AgentDefinition Agent, YamlNode ParentNode)> Parents { get; } = [];

    public Dictionary<(string Process, string Step), YamlNode> StepRoles { get; } = [];

    /// <summary>The holder of each role, where it is an agent id.</summary>
    public Dictionary<string, YamlNode> Holders { get; } = new(StringComparer.Ordinal);

    public List<(string Role, string Municipality, string Agent, YamlNode KeyNode, YamlNode ValueNode)> Overrides { get; } = [];

    public List<(DemandDefinition Demand, YamlNode ProcessNode, List<(string, YamlNode)>? AtNodes)> Demand { get; } = [];

    public List<(HandoffRule Rule, YamlNode ANode, YamlNode BNode)> HandoffEndpoints { get; } = [];

    /// <summary>Roles a step names besides its own: consulted roles and support roles.</summary>
    public List<(string Process, string Step, string Role, YamlNode Node)> StepExtraRoles { get; } = [];

    public List<(string Process, string Step, string Target, YamlNode Node)> ReturnsTo { get; } = [];

    /// <summary>The committees council steps name (roles of committees at the council's own agent).</summary>
    public List<(string Process, string Step, string Role, YamlNode Node)> StepCommittees { get; } = [];

    public List<(ShockDefinition Shock, YamlNode ProcessNode)> ShockProcesses { get; } = [];

    /// <summary>Processes shock groups start instead of their shock's.</summary>
    public List<(string Shock, string Process, YamlNode Node)> GroupProcesses { get; } = [];

    public List<(string Member, YamlNode Node)> GroupMembers { get; } = [];

    /// <summary>Agents variants name, with what names them (for the message).</summary>
    public List<(string Id, YamlNode Node, string What)> VariantAgents { get; } = [];

    /// <summary>Ids of agents operations create (merge_districts, unify): later operations may name them.</summary>
    public HashSet<string> VariantCreatedIds { get; } = new(StringComparer.Ordinal);

    public List<(string Role, YamlNode Node)> VariantRoles { get; } = [];

    /// <summary>Processes (and optionally one of their steps) variants name.</summary>
    public List<(string Process, YamlNode ProcessNode, string? Step, YamlNode? StepNode, string What)> VariantSteps { get; } = [];

    /// <summary>The costs section's pay groups as declared; null when the scenario has no costs section.</summary>
    public CostTable? PayGroups { get; set; }

    /// <summary>Agents the cost items of the costs section name, with what names them.</summary>
    public List<(string Id, YamlNode Node, string What)> CostAgents { get; } = [];
}
