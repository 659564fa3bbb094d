namespace IsdnSim.Kernel.Definitions;

/// <summary>The distribution an uncertain parameter follows; spelled in scenario files as <see cref="UncertainShapes"/> says.</summary>
public enum UncertainShape
{
    /// <summary>Every value between low and high equally likely.</summary>
    Uniform,

    /// <summary>Low, most likely (mode) and high: a density rising linearly to the mode and falling to high.</summary>
    Triangular,

    /// <summary>Uniform in the logarithm between low and high: every factor of ten as likely as every other (low &gt; 0).</summary>
    LogUniform,

    /// <summary>One of the listed values, each equally likely.</summary>
    Discrete,
}

/// <summary>How the distributions of uncertain parameters are spelled in the <c>uncertain:</c> section.</summary>
public static class UncertainShapes
{
    public static NameTable<UncertainShape> Table { get; } = new(
        (UncertainShape.Uniform, "uniform"),
        (UncertainShape.Triangular, "triangular"),
        (UncertainShape.LogUniform, "loguniform"),
        (UncertainShape.Discrete, "discrete"));

    public static IReadOnlyList<string> All => Table.Names;

    public static string Name(UncertainShape shape) => Table.Name(shape);

    public static bool TryParse(string text, out UncertainShape shape) => Table.TryParse(text, out shape);

    /// <summary>How many values the shape takes: two (low, high), three (low, mode, high), or at least one (discrete).</summary>
    public static string Arity(UncertainShape shape) => shape switch
    {
        UncertainShape.Triangular => "three values [low, mode, high]",
        UncertainShape.Discrete => "a list of values [a, b, c, ...]",
        _ => "two values [low, high]",
    };
}
