namespace IsdnSim.Kernel.Definitions;

/// <summary>How step kinds are spelled in scenario files, traces and telemetry.</summary>
public static class StepKinds
{
    public static NameTable<StepKind> Table { get; } = new(
        (StepKind.Work, "work"),
        (StepKind.Council, "council"),
        (StepKind.Consultation, "consultation"),
        (StepKind.Approval, "approval"),
        (StepKind.Period, "period"));

    public static IReadOnlyList<string> All => Table.Names;

    public static string Name(StepKind kind) => Table.Name(kind);

    public static bool TryParse(string text, out StepKind kind) => Table.TryParse(text, out kind);
}
