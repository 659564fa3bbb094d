namespace IsdnSim.Kernel.Definitions;

/// <summary>A 1-based line and column in a scenario file.</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    /// <summary>No place in the file: the problem is with the file as a whole (missing, a folder, unreadable).</summary>
    public static readonly SourcePosition Unknown = new(0, 0);

    public override string ToString() => $"{Line}:{Column}";
}
