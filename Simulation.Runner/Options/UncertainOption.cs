namespace IsdnSim.Runner.Options;

/// <summary>
/// The --uncertain option: the ranges of the uncertain parameters from a file of their own (an
/// <c>uncertain:</c> section alone) instead of the scenario's section. Every command that reads the
/// ranges (validate, assumptions, and the designs over them) declares it with this template and
/// text, and loads the scenario through <c>ScenarioInput.Load(file, IUncertainOption, ...)</c>.
/// </summary>
public interface IUncertainOption
{
    /// <summary>The --uncertain file, or null for the scenario's own uncertain: section.</summary>
    string? Uncertain { get; }
}

/// <summary>How the --uncertain option is spelled and described, in one place for every command that has it.</summary>
public static class UncertainOption
{
    public const string Template = "--uncertain <FILE>";

    public const string Description =
        "Take the ranges of the uncertain parameters from FILE (a YAML file holding an uncertain: section alone, see docs/scenario-format.md) " +
        "instead of the scenario's own uncertain: section.";
}
