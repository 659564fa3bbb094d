using System.Globalization;
using System.Text.RegularExpressions;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Scenario.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace IsdnSim.Scenario.Language;

/// <summary>
/// Binds the <c>uncertain:</c> section (of the scenario, or of an --uncertain file) against the
/// scenario it describes: each key is a path as <c>sweep --set</c> takes it and must lead to a
/// single value written in the scenario; its distribution's values must be of the kind that value
/// is (a working time where the file has working time, a rate where it has a rate), and in order.
/// Whether every value in range gives a valid scenario needs the scenario parsed again for each
/// and is checked by <c>validate</c> (IsdnSim.Scenario.Uncertainty.UncertainChecks), not here.
/// </summary>
/// <param name="scenarioRoot">The YAML tree of the scenario the paths walk.</param>
/// <param name="hoursPerDay">The scenario's hours in a working day, for efforts in hours.</param>
internal sealed partial class UncertainBinder(YamlReader reader, YamlNode scenarioRoot, double hoursPerDay)
{
    private readonly YamlReader _r = reader;

    public List<UncertainParameter> Bind(YamlNode section)
    {
        var result = new List<UncertainParameter>();
        if (_r.Mapping(section, "uncertain (paths of the scenario, each with a distribution)") is not { } map)
        {
            return result;
        }

        // Which entry already sets a value (by the value's place in the scenario text), so two spellings of one path are caught.
        var setBy = new Dictionary<long, (string Path, SourcePosition At)>();
        foreach (var (keyNode, valueNode) in map.Children)
        {
            if (_r.Scalar(keyNode, "the path of an uncertain parameter") is not { } path)
            {
                continue;
            }

            if (Bind(path, keyNode, valueNode, setBy) is { } parameter)
            {
                result.Add(parameter);
            }
        }

        return result;
    }

    private UncertainParameter? Bind(string path, YamlNode keyNode, YamlNode valueNode, Dictionary<long, (string Path, SourcePosition At)> setBy)
    {
        var at = YamlReader.At(keyNode);
        var target = Target(path, keyNode, setBy);
        if (_r.Mapping(valueNode, $"the uncertain parameter {path}") is not { } entry)
        {
            return null;
        }

        _r.CheckKeys(entry, $"the uncertain parameter {path}", ScenarioKeys.Uncertain);
        var shapes = UncertainShapes.All.Where(s => YamlReader.Get(entry, s) is not null).ToList();
        var misspelt = entry.Children.Keys.Any(k => k is YamlScalarNode { Value: { } key } && !ScenarioKeys.Uncertain.Contains(key));
        if (shapes.Count == 0 && misspelt)
        {
            // The unknown key was reported, and is most likely the distribution: one fault, one message.
            return null;
        }

        if (shapes.Count != 1)
        {
            _r.Error(shapes.Count == 0 ? entry : YamlReader.GetKeyNode(entry, shapes[1])!, shapes.Count == 0
                ? $"the uncertain parameter {path} needs one distribution: uniform: [low, high], triangular: [low, mode, high], loguniform: [low, high] or discrete: [a, b, ...]"
                : $"the uncertain parameter {path} has two distributions ({shapes[0]} and {shapes[1]}); give one");
            return null;
        }

        UncertainShapes.TryParse(shapes[0], out var shape);
        var also = new List<string>();
        if (YamlReader.Get(entry, "also") is { } alsoNode && _r.ScalarList(alsoNode, $"also of {path} (further paths set to the same value)") is { } alsoPaths)
        {
            foreach (var (alsoPath, node) in alsoPaths)
            {
                if (Target(alsoPath, node, setBy) is { } other && target is { } first && first.Kind != other.Kind)
                {
                    _r.Error(node, $"also: {alsoPath} holds {Describe(other.Kind)} ('{other.Current}' in the file), but {path} holds {Describe(first.Kind)} ('{first.Current}'); the paths of one parameter take the same value");
                }

                also.Add(alsoPath);
            }
        }

        var source = YamlReader.Get(entry, "source") is { } sn ? _r.Scalar(sn, $"the source of the range of {path}") : null;
        var assumption = YamlReader.Get(entry, "assumption") is { } an && _r.Boolean(an, $"assumption of {path}") == true;
        var note = YamlReader.Get(entry, "note") is { } nn ? _r.Scalar(nn, $"the note on {path}") : null;
        if (source is not null && assumption)
        {
            _r.Error(YamlReader.GetKeyNode(entry, "assumption")!,
                $"the range of {path} has a source and is marked assumption: true; a range is either sourced or an ASSUMPTION (for a range with one sourced end, mark it assumption: true and cite the source in note:)");
        }

        var valuesNode = YamlReader.Get(entry, shapes[0])!;
        if (_r.ScalarList(valuesNode, $"the {shapes[0]} distribution of {path} ({UncertainShapes.Arity(shape)})") is not { } values || target is not { } t)
        {
            return null;
        }

        var distribution = Distribution(path, shape, valuesNode, values, t);
        return distribution is null
            ? null
            : new UncertainParameter(path, also, distribution, Quantity(t, values[0].Value), source, assumption, note, _r.File, at);
    }

    /// <summary>The value a path leads to in the scenario and its kind; null after reporting why there is none.</summary>
    private (QuantityKind Kind, string Current)? Target(string path, YamlNode node, Dictionary<long, (string Path, SourcePosition At)> setBy)
    {
        if (path == "uncertain" || path.StartsWith("uncertain.", StringComparison.Ordinal))
        {
            _r.Error(node, $"uncertain: {path} is a path into the uncertain section itself; give a path to a value of the scenario");
            return null;
        }

        if (ScenarioPatch.Locate(scenarioRoot, path, out var problem) is not { } scalar)
        {
            _r.Error(node, $"uncertain: {path}: {problem}");
            return null;
        }

        if (setBy.TryGetValue(scalar.Start.Index, out var first))
        {
            _r.Error(node, $"uncertain: {path} is the value {first.Path} (line {first.At.Line}) already makes uncertain; give each value one distribution");
            return null;
        }

        setBy[scalar.Start.Index] = (path, YamlReader.At(node));
        return (KindOf(path, scalar.Value ?? ""), scalar.Value ?? "");
    }

    /// <summary>
    /// The kind of value written at <paramref name="path"/>, as its text says: a rate, money, a
    /// number (whole at the keys the loader reads as whole numbers), calendar or working time (hours
    /// and minutes are working time under an effort or a spell, else calendar time), or a word.
    /// </summary>
    internal static QuantityKind KindOf(string path, string text)
    {
        var key = path[(path.LastIndexOf('.') + 1)..];
        if (Units.TryRate(text, out _, out _))
        {
            return QuantityKind.Rate;
        }

        if (Units.TryMoneyPerYear(text, out _, out _))
        {
            return QuantityKind.Money;
        }

        if (YamlReader.TryParseNumber(text, out _))
        {
            return ScenarioKeys.WholeNumbers.Contains(key) ? QuantityKind.WholeNumber : QuantityKind.Number;
        }

        var unit = UnitOf(text);
        return unit switch
        {
            "wd" or "ww" => QuantityKind.WorkingTime,
            "d" or "w" or "mo" or "y" => QuantityKind.CalendarTime,
            "h" or "min" => path.Split('.').Any(ScenarioKeys.WorkingTime.Contains) ? QuantityKind.WorkingTime : QuantityKind.CalendarTime,
            _ => QuantityKind.Text,
        };
    }

    private UncertainDistribution? Distribution(string path, UncertainShape shape, YamlNode valuesNode, List<(string Value, YamlNode Node)> values, (QuantityKind Kind, string Current) target)
    {
        var name = UncertainShapes.Name(shape);
        var count = values.Count;
        var countOk = shape switch
        {
            UncertainShape.Triangular => count == 3,
            UncertainShape.Discrete => count >= 2,
            _ => count == 2,
        };
        if (!countOk)
        {
            _r.Error(valuesNode, shape == UncertainShape.Discrete
                ? $"the discrete distribution of {path} needs at least two values, found {count}"
                : $"the {name} distribution of {path} needs {UncertainShapes.Arity(shape)}, found {count} value{(count == 1 ? "" : "s")}");
            return null;
        }

        if (target.Kind == QuantityKind.Text)
        {
            if (shape != UncertainShape.Discrete)
            {
                _r.Error(valuesNode, $"{path} holds '{target.Current}', not a number; a range needs numbers: give its possible values as discrete: [...]");
                return null;
            }

            return new UncertainDistribution(shape, [.. values.Select(_ => double.NaN)], [.. values.Select(v => v.Value)]);
        }

        var numbers = new List<double>();
        foreach (var (text, node) in values)
        {
            if (Number(text, target.Kind, out var number, out var error))
            {
                numbers.Add(number);
            }
            else
            {
                _r.Error(node, $"uncertain: {path} holds {Describe(target.Kind)} ('{target.Current}' in the file): {error}");
            }
        }

        if (numbers.Count != values.Count)
        {
            return null;
        }

        string? problem = shape switch
        {
            UncertainShape.Uniform or UncertainShape.LogUniform when !(numbers[0] < numbers[1]) =>
                $"the {name} range of {path} needs low < high, found [{values[0].Value}, {values[1].Value}]",
            UncertainShape.LogUniform when !(numbers[0] > 0) =>
                $"the loguniform range of {path} needs low > 0 (its logarithm), found [{values[0].Value}, {values[1].Value}]",
            UncertainShape.Triangular when !(numbers[0] < numbers[2]) =>
                $"the triangular range of {path} needs low < high, found [{string.Join(", ", values.Select(v => v.Value))}]",
            UncertainShape.Triangular when !(numbers[0] <= numbers[1] && numbers[1] <= numbers[2]) =>
                $"the triangular range of {path} needs its mode between low and high, found [{string.Join(", ", values.Select(v => v.Value))}]",
            _ => null,
        };
        if (problem is not null)
        {
            _r.Error(valuesNode, problem);
            return null;
        }

        return new UncertainDistribution(shape, numbers, [.. values.Select(v => v.Value)]);
    }

    /// <summary>A value of the parameter's kind in its canonical unit, or the unit's own message why it is not.</summary>
    private bool Number(string text, QuantityKind kind, out double number, out string error)
    {
        number = double.NaN;
        error = "";
        switch (kind)
        {
            case QuantityKind.CalendarTime:
                var ok = Units.TryCalendar(text, null, out var days, out error);
                number = days.Value;
                return ok;
            case QuantityKind.WorkingTime:
                ok = Units.TryWork(text, hoursPerDay, out var work, out error);
                number = work.Value;
                return ok;
            case QuantityKind.Rate:
                ok = Units.TryRate(text, out var rate, out error);
                number = rate.PerDay;
                return ok;
            case QuantityKind.Money:
                return Units.TryMoneyPerYear(text, out number, out error);
            default:
                if (!YamlReader.TryParseNumber(text, out number))
                {
                    error = $"expected a number without a unit, found '{text}'";
                    return false;
                }

                if (kind == QuantityKind.WholeNumber && number != Math.Floor(number))
                {
                    error = $"expected a whole number, found '{text}'";
                    return false;
                }

                return true;
        }
    }

    /// <summary>The unit values are written back in: that of the first value, and how many canonical units it is.</summary>
    private UncertainQuantity Quantity((QuantityKind Kind, string Current) target, string first)
    {
        switch (target.Kind)
        {
            case QuantityKind.CalendarTime or QuantityKind.WorkingTime:
                var unit = UnitOf(first)!;
                Number("1" + unit, target.Kind, out var size, out _);
                return new UncertainQuantity(target.Kind, unit, size);
            case QuantityKind.Rate:
                var per = first[first.IndexOf('/')..].Replace(" ", "", StringComparison.Ordinal);
                Number("1" + per, target.Kind, out var perDay, out _);
                return new UncertainQuantity(target.Kind, per, perDay);
            case QuantityKind.Money:
                var perMonth = first.TrimEnd().EndsWith("month", StringComparison.Ordinal);
                return new UncertainQuantity(target.Kind, perMonth ? " EUR/month" : " EUR/year", perMonth ? 12 : 1);
            default:
                return new UncertainQuantity(target.Kind, "", 1);
        }
    }

    private static string? UnitOf(string text) => QuantityUnit().Match(text) is { Success: true } m ? m.Groups[1].Value : null;

    internal static string Describe(QuantityKind kind) => kind switch
    {
        QuantityKind.Number => "a number",
        QuantityKind.WholeNumber => "a whole number",
        QuantityKind.CalendarTime => "calendar time",
        QuantityKind.WorkingTime => "working time",
        QuantityKind.Rate => "a rate",
        QuantityKind.Money => "a yearly cost",
        _ => "a word",
    };

    [GeneratedRegex(@"^\s*-?[0-9][0-9_]*(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?\s*([A-Za-z]+)\s*$")]
    private static partial Regex QuantityUnit();
}
