using IsdnSim.Kernel.Definitions;
using IsdnSim.Scenario.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace IsdnSim.Scenario.Language;

/// <summary>The calendar: working days, holidays and hours per day, or a continuous calendar.</summary>
internal sealed class CalendarBinder(YamlReader reader)
{
    /// <summary>Monday to Friday.</summary>
    public static readonly IReadOnlySet<DayOfWeek> DefaultWorkdays = new HashSet<DayOfWeek>
    {
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday,
    };

    /// <summary>The calendar of a scenario that gives none (and of one whose calendar has errors).</summary>
    public static CalendarDefinition Default => new(false, DefaultWorkdays, new HashSet<DateOnly>(), 8);

    private readonly YamlReader _r = reader;



    public CalendarDefinition BindCalendar(YamlNode node)
    {
        var fallback = Default;
        var map = _r.Mapping(node, "calendar");
        if (map is null)
        {
            return fallback;
        }

        _r.CheckKeys(map, "calendar", ScenarioKeys.Calendar);
        var continuous = false;
        if (YamlReader.Get(map, "kind") is { } kn && _r.Scalar(kn, "calendar kind") is { } kind)
        {
            switch (kind)
            {
                case "working-days":
                    break;
                case "continuous":
                    continuous = true;
                    break;
                default:
                    _r.Error(kn, $"unknown calendar kind '{kind}'{DidYouMean.Hint(kind, ["working-days", "continuous"])}; expected 'working-days' or 'continuous'");
                    break;
            }
        }

        var workdays = DefaultWorkdays;
        if (YamlReader.Get(map, "workdays") is { } wn && _r.ScalarList(wn, "workdays") is { } list)
        {
            var days = new HashSet<DayOfWeek>();
            string[] names = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
            foreach (var (value, item) in list)
            {
                var index = Array.IndexOf(names, value);
                if (index < 0)
                {
                    _r.Error(item, $"unknown weekday '{value}'{DidYouMean.Hint(value, names)}; expected mon, tue, wed, thu, fri, sat or sun");
                }
                else if (!days.Add((DayOfWeek)index))
                {
                    _r.Error(item, $"weekday '{value}' is listed twice in workdays");
                }
            }

            if (days.Count == 0 && list.Count == 0)
            {
                _r.Error(wn, "workdays must list at least one weekday");
            }

            workdays = days;
        }

        var holidays = new HashSet<DateOnly>();
        if (YamlReader.Get(map, "holidays") is { } hn && _r.Sequence(hn, "holidays") is { } seq)
        {
            foreach (var item in seq.Children)
            {
                if (_r.Date(item, "a holiday") is { } date && !holidays.Add(date))
                {
                    _r.Error(item, $"holiday {date:yyyy-MM-dd} is listed twice");
                }
            }
        }

        var hours = YamlReader.Get(map, "hours_per_day") is { } hpn ? _r.Number(hpn, "hours_per_day", 0, 24, minExclusive: true) ?? 8 : 8;
        if (continuous)
        {
            foreach (var key in new[] { "workdays", "holidays" })
            {
                if (YamlReader.GetKeyNode(map, key) is { } keyNode)
                {
                    _r.Error(keyNode, $"'{key}' has no effect on a continuous calendar, where every day is a working day; remove it or use kind: working-days");
                }
            }
        }

        return new CalendarDefinition(continuous, workdays, holidays, hours);
    }
}
