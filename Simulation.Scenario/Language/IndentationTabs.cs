using IsdnSim.Kernel.Definitions;
using IsdnSim.Scenario.Diagnostics;

namespace IsdnSim.Scenario.Language;

/// <summary>
/// Tabs in indentation, which YAML forbids (YAML 1.2, section 6.1). YamlDotNet stumbles over them
/// in the terms of its grammar and at the start of the block around them ("While scanning a
/// mapping, found invalid tab as indentation" at 1:1), or reads on and blames a bracket; this
/// finds the tab itself. A file that fails to parse is blamed on its tabs only if it reads
/// differently with them made spaces, so a tab that is content (inside a block scalar), or any tab
/// that is not what went wrong, never hides the real error.
/// </summary>
internal static class IndentationTabs
{
    public const string Message = "tabs are not allowed for indentation, use spaces";

    /// <summary>
    /// The first tab in a line's indentation with the message to report there, or null when the
    /// text has none or its tabs are not what made it fail (<paramref name="failure"/>: where and
    /// why the text as it is fails).
    /// </summary>
    public static (SourcePosition At, string Message)? Blame(string text, (SourcePosition At, string Message) failure)
    {
        var tabs = Find(text);
        if (tabs.Count == 0 || (Parse(Spaced(text, tabStop: 1)) == failure && Parse(Spaced(text, tabStop: 8)) == failure))
        {
            return null;
        }

        return (tabs[0], Message + Others([.. tabs.Skip(1).Select(t => t.Line)]));
    }

    /// <summary>" (lines 9, 12, 15 and 40 more too)": the other lines indented with tabs, so one run finds them all.</summary>
    private static string Others(IReadOnlyList<int> lines) => lines.Count switch
    {
        0 => "",
        1 => $" (line {lines[0]} too)",
        2 => $" (lines {lines[0]} and {lines[1]} too)",
        3 => $" (lines {lines[0]}, {lines[1]} and {lines[2]} too)",
        _ => $" (lines {lines[0]}, {lines[1]}, {lines[2]} and {lines.Count - 3} more too)",
    };

    /// <summary>Per line with a tab in its indentation (the whitespace before its first other character), where that tab is.</summary>
    private static List<SourcePosition> Find(string text)
    {
        var found = new List<SourcePosition>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            for (var c = 0; c < line.Length && line[c] is ' ' or '\t'; c++)
            {
                if (line[c] == '\t')
                {
                    found.Add(new SourcePosition(i + 1, c + 1));
                    break;
                }
            }
        }

        return found;
    }

    /// <summary>
    /// The text with every tab of an indentation made spaces, one each or up to the next multiple of
    /// <paramref name="tabStop"/> as an editor shows it: the tab may have meant either.
    /// </summary>
    private static string Spaced(string text, int tabStop) => string.Join('\n', text.Split('\n').Select(line =>
    {
        var indent = new System.Text.StringBuilder();
        var c = 0;
        for (; c < line.Length && line[c] is ' ' or '\t'; c++)
        {
            indent.Append(' ', line[c] == ' ' ? 1 : tabStop - (indent.Length % tabStop));
        }

        return indent.Append(line, c, line.Length - c).ToString();
    }));

    /// <summary>Where and why the text fails to parse as YAML, or null when it parses.</summary>
    private static (SourcePosition, string)? Parse(string text)
    {
        var reader = new YamlReader("");
        try
        {
            return ScenarioLoader.ReadRoot(reader, text, "empty", blameTabs: false) is null && reader.Diagnostics.Count > 0
                ? (reader.Diagnostics[0].Position, reader.Diagnostics[0].Message)
                : null;
        }
        catch (ScenarioException)
        {
            return null; // past a limit with spaces: not the failure it was with tabs
        }
    }
}
