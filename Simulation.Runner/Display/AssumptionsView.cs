using IsdnSim.Kernel.Definitions;
using IsdnSim.Scenario.Diagnostics;
using IsdnSim.Scenario.Uncertainty;

namespace IsdnSim.Runner.Display;

/// <summary>The plain-text list of <c>isdnsim assumptions</c>: one block per label, then what has no range.</summary>
internal static class AssumptionsView
{
    private const int MaxValue = 60;

    public static void Render(TextWriter text, string file, AssumptionList list)
    {
        var labelled = list.Labels.Where(l => l.Values.Count > 0).ToList();
        var values = labelled.Sum(l => l.Values.Count);
        var withRange = labelled.Count - list.WithoutRange.Count;
        text.WriteLine($"{UserText.Shorten(file)}: {Count(list.Labels.Count, "ASSUMPTION label")} covering {Count(values, "value")}; " +
                       $"{withRange} with a range, {list.WithoutRange.Count} without.");
        foreach (var label in labelled)
        {
            text.WriteLine();
            text.WriteLine($"line {label.Line}: {label.Comment}");
            foreach (var value in label.Values)
            {
                var ranges = list.Ranges[value];
                text.WriteLine($"  {value.Path} = {Shorten(value.Text)}: {(ranges.Count == 0 ? "no range" : string.Join("; ", ranges.Select(r => Range(r, value.Path))))}");
            }
        }

        if (list.UnlabelledAssumptions.Count > 0)
        {
            text.WriteLine();
            text.WriteLine("Ranges marked assumption: true on values no label covers:");
            foreach (var p in list.UnlabelledAssumptions)
            {
                text.WriteLine($"  {p.Path}: {Range(p, p.Path)}");
            }
        }

        text.WriteLine();
        if (list.WithoutRange.Count == 0)
        {
            text.WriteLine("Every ASSUMPTION label has a range on at least one of its values.");
        }
        else
        {
            text.WriteLine($"ASSUMPTIONs without a range ({list.WithoutRange.Count}):");
            foreach (var label in list.WithoutRange)
            {
                var more = label.Values.Count > 1 ? $" and {Count(label.Values.Count - 1, "more value")}" : "";
                text.WriteLine($"  line {label.Line}: {label.Values[0].Path}{more} ({label.Comment})");
            }
        }

        if (list.CoveringNothing.Count > 0)
        {
            text.WriteLine($"Labels that cover no value ({list.CoveringNothing.Count}; put the label at the end of the value's line, or on the line right above its entry):");
            foreach (var label in list.CoveringNothing)
            {
                text.WriteLine($"  line {label.Line}: {label.Comment}");
            }
        }
    }

    /// <summary>"uniform [6wd, 12wd] (assumption)", with the parameter's own path if the value is one of its further paths.</summary>
    private static string Range(UncertainParameter p, string path)
    {
        var origin = p.Source is { } source ? $"source: {source}" : p.Assumption ? "assumption" : "origin not stated";
        var with = p.Path == path ? "" : $", with {p.Path}";
        return $"{UncertainShapes.Name(p.Distribution.Shape)} [{string.Join(", ", p.Distribution.Written)}] ({origin}{with})";
    }

    private static string Shorten(string value) => value.Length <= MaxValue ? value : value[..(MaxValue - 1)] + "…";

    private static string Count(int n, string one) => $"{n} {one}{(n == 1 ? "" : "s")}";
}
