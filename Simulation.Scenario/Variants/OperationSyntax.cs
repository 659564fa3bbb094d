using IsdnSim.Kernel.Definitions;

namespace IsdnSim.Scenario.Variants;

/// <summary>How one variant operation is written: its <c>op:</c> name, its keys besides <c>op</c>, and how to read it.</summary>
public sealed record OperationSyntax(string Name, IReadOnlyList<string> Fields, Func<IOperationReader, VariantOperation?> Bind)
{
    /// <summary>Every key the operation accepts, <c>op</c> first.</summary>
    public IReadOnlyList<string> Keys { get; } = ["op", .. Fields];
}
