using IsdnSim.Kernel.Definitions;
using IsdnSim.Scenario.Diagnostics;
using IsdnSim.Scenario.Language;

namespace IsdnSim.Scenario.Uncertainty;

/// <summary>
/// Whether every value in the ranges gives a valid scenario: each end of a range (and a
/// triangular's mode), and each value of a list, is set alone (the others as written) and the
/// scenario read and checked as a run would check it, every variant applied. A value that breaks
/// it is reported at the entry of the uncertain section, with what the scenario's check said.
/// Values between the ends are not tried; for the kinds of checks the format makes (bounds,
/// units, staff at least one, shares below one) the ends are where a range breaks them.
/// </summary>
public static class UncertainChecks
{
    /// <summary>The problems, in the order of the entries; empty if every value tried gives a valid scenario.</summary>
    public static IReadOnlyList<ScenarioDiagnostic> Check(LoadedScenario scenario)
    {
        // Each value is a scenario read on its own, so they are read in parallel; the problems keep the entries' order.
        var tries = scenario.Definition.Uncertain.SelectMany(p => p.Checked.Select(c => (Parameter: p, c.Role, c.Text))).ToList();
        var problems = new ScenarioDiagnostic?[tries.Count];
        Parallel.For(0, tries.Count, i =>
        {
            var (parameter, role, text) = tries[i];
            try
            {
                ScenarioLoader.Parse(ScenarioPatch.Apply(scenario.Text, [.. parameter.Paths.Select(p => (p, text))]), scenario.File);
            }
            catch (ScenarioException e)
            {
                var found = string.Join("; ", e.Diagnostics.Select(d => d.Position == SourcePosition.Unknown
                    ? $"{UserText.Shorten(d.File)}: {d.Message}"
                    : $"{UserText.Shorten(d.File)}:{d.Position}: {d.Message}"));
                problems[i] = new ScenarioDiagnostic(parameter.File, parameter.Position,
                    $"uncertain: {parameter.Path} = {text} ({role}) does not give a valid scenario: {found}");
            }
        });

        return [.. problems.OfType<ScenarioDiagnostic>()];
    }

    /// <summary>How many values <see cref="Check"/> tries.</summary>
    public static int Tried(ScenarioDefinition definition) => definition.Uncertain.Sum(p => p.Checked.Count);
}
