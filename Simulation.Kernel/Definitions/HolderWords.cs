namespace IsdnSim.Kernel.Definitions;

/// <summary>
/// The words a jurisdiction rule uses instead of an agent id. They are reserved: no agent may be
/// called so, or a rule naming it would be ambiguous.
/// </summary>
public static class HolderWords
{
    public static NameTable<HolderKind> Table { get; } = new(
        (HolderKind.Self, "self"),
        (HolderKind.Administration, "administration"),
        (HolderKind.Amt, "amt"),
        (HolderKind.District, "district"),
        (HolderKind.State, "state"),
        (HolderKind.Nearest, "nearest"));

    /// <summary>The reserved words, in the order messages list them.</summary>
    public static IReadOnlyList<string> Reserved => Table.Names;

    public static bool IsReserved(string id) => Table.TryParse(id, out _);

    public static string Name(HolderKind kind) => Table.Name(kind);
}
