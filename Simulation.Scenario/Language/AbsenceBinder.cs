using System.Globalization;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Random;
using YamlDotNet.RepresentationModel;

namespace IsdnSim.Scenario.Language;

/// <summary>
/// Absence of staff: the scenario's default (the top-level <c>absence</c> section) and an agency's
/// own (<c>absence</c> of an agency), which replaces the parts it names or, as <c>none</c>, all of
/// them. Each part (<c>illness</c>, <c>leave</c>, <c>vacancy</c>) is a share of the time and the
/// length of a spell, or <c>none</c>.
/// </summary>
internal sealed class AbsenceBinder(YamlReader reader, ValueBinder values)
{
    public const string None = "none";

    private readonly YamlReader _r = reader;
    private readonly ValueBinder _values = values;

    /// <summary>The top-level section: what every staffed agency gets unless it says otherwise.</summary>
    public AbsenceDefinition BindDefault(YamlNode node, double hoursPerDay) => Bind(node, "", new AbsenceDefinition(null, null, null), hoursPerDay);

    /// <summary>An agency's own absence: the parts it names replace those of <paramref name="defaults"/>.</summary>
    public AbsenceDefinition BindOverride(YamlNode node, AbsenceDefinition defaults, string agency, double hoursPerDay) =>
        Bind(node, $" of {agency}", defaults, hoursPerDay);

    /// <param name="of">Whose absence, for messages: empty for the scenario's default, " of agency ..." for an agency's own.</param>
    private AbsenceDefinition Bind(YamlNode node, string of, AbsenceDefinition defaults, double hoursPerDay)
    {
        if (IsNone(node))
        {
            return new AbsenceDefinition(null, null, null);
        }

        if (_r.Mapping(node, $"absence{of} (a mapping with illness, leave and vacancy, or '{None}')") is not { } map)
        {
            return defaults;
        }

        _r.CheckKeys(map, "absence", ScenarioKeys.Absence);
        var illness = Part(map, "illness", "spell", of, defaults.Illness, (n, w) => _values.BindEffort(n, w, hoursPerDay));
        var leave = Part(map, "leave", "spell", of, defaults.Leave, (n, w) => _values.BindEffort(n, w, hoursPerDay));
        var vacancy = Part(map, "vacancy", "refill", of, defaults.Vacancy, _values.BindDuration);
        var result = new AbsenceDefinition(illness, leave, vacancy);
        if (result.HolderAwayShare >= 1)
        {
            _r.Error(YamlReader.Get(map, "leave") ?? YamlReader.Get(map, "illness") ?? map,
                $"absence.illness and absence.leave{of} take {Percent(result.HolderAwayShare)} of the holders' time together; they must leave some time at work (below 100 %)");
        }

        return result;
    }

    /// <summary>One part: <c>none</c>, or a share and a length; a share of 0 is none. Left out: the default's.</summary>
    private AbsenceCause? Part(YamlMappingNode map, string key, string lengthKey, string of, AbsenceCause? inherited, Func<YamlNode, string, Distribution?> length)
    {
        if (YamlReader.Get(map, key) is not { } node)
        {
            return inherited;
        }

        if (IsNone(node))
        {
            return null;
        }

        var part = $"absence.{key}{of}";
        if (_r.Mapping(node, $"{part} (a mapping with share and {lengthKey}, or '{None}')") is not { } partMap)
        {
            return null;
        }

        _r.CheckKeys(partMap, key, key == "vacancy" ? ScenarioKeys.Vacancy : ScenarioKeys.AbsenceCause);
        var share = _r.Require(partMap, "share", part, " (the share of the time, from 0 to below 1)") is { } sn
            ? _r.Number(sn, $"the share of {part}", 0, 1)
            : null;
        if (share is 1 && YamlReader.Get(partMap, "share") is { } one)
        {
            _r.Error(one, $"the share of {part} must be below 1: a post away all the time takes no work at all");
            share = null;
        }

        var lengthNode = _r.Require(partMap, lengthKey, part, key == "vacancy" ? " (how long a post stays vacant, e.g. '6mo')" : " (how long one spell lasts, e.g. '10wd')");
        var spell = lengthNode is null ? null : length(lengthNode, $"the {lengthKey} of {part}");
        if (share is > 0 && spell is { Mean: <= 0 })
        {
            _r.Error(lengthNode!, $"the {lengthKey} of {part} must last longer than zero on average when its share is above zero");
            return null;
        }

        return share is { } s && spell is not null && s > 0 ? new AbsenceCause(s, spell) : null;
    }

    private static bool IsNone(YamlNode node) => node is YamlScalarNode { Value: None };

    private static string Percent(double share) => share.ToString("0.# %", CultureInfo.InvariantCulture);
}
