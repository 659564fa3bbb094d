namespace IsdnSim.Kernel.Definitions;

/// <summary>
/// The holder of a role: one of the reserved <see cref="HolderWords"/>, or one named agent
/// (<see cref="AgentId"/>, with <see cref="HolderKind.Agent"/>).
/// </summary>
public sealed record JurisdictionHolder(HolderKind Kind, string? AgentId = null)
{
    /// <summary>With <c>holder: nearest</c>: only agents of this kind count.</summary>
    public AgentKind? NearestKind { get; init; }

    public static readonly JurisdictionHolder OwnMunicipality = new(HolderKind.Self);

    public static readonly JurisdictionHolder OwnAdministration = new(HolderKind.Administration);

    public static JurisdictionHolder Named(string agentId) => new(HolderKind.Agent, agentId);

    public override string ToString() => Kind switch
    {
        HolderKind.Agent => AgentId!,
        HolderKind.Nearest when NearestKind is { } k => HolderWords.Name(Kind) + " " + AgentKinds.Name(k),
        _ => HolderWords.Name(Kind),
    };
}
