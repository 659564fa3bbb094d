namespace IsdnSim.Kernel.Definitions;

/// <summary>How the kinds of discretion are spelled in scenario files and result files.</summary>
public static class Discretions
{
    /// <summary>The classes a step may declare (<see cref="Discretion.None"/> is the absence of the key on a work step).</summary>
    public static NameTable<Discretion> Table { get; } = new(
        (Discretion.Routine, "routine"),
        (Discretion.Bound, "bound"),
        (Discretion.Discretionary, "discretionary"),
        (Discretion.Political, "political"));

    public static IReadOnlyList<string> All => Table.Names;

    public static string Name(Discretion d) => d == Discretion.None ? "none" : Table.Name(d);

    public static bool TryParse(string text, out Discretion d) => Table.TryParse(text, out d);

    /// <summary>Whether a decision of this class leaves its taker a choice, and so counts for territorial congruence.</summary>
    public static bool HasChoice(Discretion d) => d is Discretion.Discretionary or Discretion.Political;

    /// <summary>What a step decides when its file does not say: a council resolves, an approval is a bound decision, the rest decide nothing.</summary>
    public static Discretion Default(StepKind kind) => kind switch
    {
        StepKind.Council => Discretion.Political,
        StepKind.Approval => Discretion.Bound,
        _ => Discretion.None,
    };
}
