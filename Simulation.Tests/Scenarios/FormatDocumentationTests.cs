using System.Text.RegularExpressions;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Scenario.Variants;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Scenarios;

/// <summary>docs/scenario-format.md documents every operation and step kind the loader knows, with every key, and nothing else.</summary>
public sealed partial class FormatDocumentationTests
{
    private static readonly string[] Lines = File.ReadAllLines(Path.Combine(Repository.Root, "docs", "scenario-format.md"));

    [Fact]
    public void EveryVariantOperation_HasARow_NamingEachOfItsKeys()
    {
        var rows = TableRows("## Variants");

        rows.Keys.Should().BeEquivalentTo(VariantOperations.Names);
        foreach (var op in VariantOperations.All)
        {
            op.Fields.Where(f => !rows[op.Name].Contains($"`{f}`", StringComparison.Ordinal))
                .Should().BeEmpty($"the row of {op.Name} should name each of its keys");
        }
    }

    [Fact]
    public void EveryStepKind_HasARow()
    {
        TableRows("### Step kinds").Keys.Should().Equal(StepKinds.All);
    }

    [Fact]
    public void EveryKeyOfAnUncertainParameter_HasARow()
    {
        TableRows("## Uncertain parameters").Keys.Should().Equal(IsdnSim.Scenario.Language.ScenarioKeys.Uncertain);
    }

    /// <summary>The first table after <paramref name="heading"/>: its rows (not the header) by the name in their first cell.</summary>
    private static Dictionary<string, string> TableRows(string heading)
    {
        var start = Array.IndexOf(Lines, heading);
        start.Should().BeGreaterThanOrEqualTo(0, $"docs/scenario-format.md has a section '{heading}'");
        return Lines.Skip(start + 1)
            .SkipWhile(l => !l.StartsWith('|'))
            .TakeWhile(l => l.StartsWith('|'))
            .Skip(1) // the header
            .Select(l => (Row: l, Match: FirstCell().Match(l)))
            .Where(r => r.Match.Success)
            .ToDictionary(r => r.Match.Groups[1].Value, r => r.Row);
    }

    [GeneratedRegex(@"^\| `([a-z_-]+)`")]
    private static partial Regex FirstCell();
}
