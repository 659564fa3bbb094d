using System.Globalization;

namespace IsdnSim.Kernel.Definitions;

/// <summary>
/// The kind of value an uncertain parameter takes and how its values are written back into the
/// file: a number in <see cref="Unit"/> (the unit of the parameter's first value, "wd", "/year",
/// " EUR/year", "" for plain numbers), which is <see cref="UnitSize"/> canonical units.
/// </summary>
public sealed record UncertainQuantity(QuantityKind Kind, string Unit, double UnitSize)
{
    /// <summary>The canonical unit of <see cref="Kind"/>, in which the parameter's numbers are held: d, wd, /day, EUR/year or nothing.</summary>
    public string CanonicalUnit => Kind switch
    {
        QuantityKind.CalendarTime => "d",
        QuantityKind.WorkingTime => "wd",
        QuantityKind.Rate => "/day",
        QuantityKind.Money => "EUR/year",
        _ => "",
    };

    /// <summary>
    /// A canonical number as the file would say it, in <see cref="Unit"/> with up to 15
    /// significant digits (so 0.25/day stays "0.25/day" and a conversion's last-digit noise
    /// disappears); a whole number without decimals.
    /// </summary>
    public string Format(double canonical)
    {
        if (Kind == QuantityKind.Text)
        {
            throw new InvalidOperationException("a word has no number to format");
        }

        var written = Kind == QuantityKind.WholeNumber ? Math.Round(canonical, MidpointRounding.AwayFromZero) : canonical / UnitSize;
        return written.ToString("G15", CultureInfo.InvariantCulture) + Unit;
    }
}
