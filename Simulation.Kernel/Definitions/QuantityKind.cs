namespace IsdnSim.Kernel.Definitions;

/// <summary>What kind of value a figure of a scenario file is, as its unit says (docs/scenario-format.md, Units).</summary>
public enum QuantityKind
{
    /// <summary>A number without a unit (a share, a factor, a probability).</summary>
    Number,

    /// <summary>A whole number without a unit (staff, population, an agenda).</summary>
    WholeNumber,

    /// <summary>Calendar time; canonical unit: days.</summary>
    CalendarTime,

    /// <summary>Working time of one person; canonical unit: working days.</summary>
    WorkingTime,

    /// <summary>Arrivals per calendar time; canonical unit: per day.</summary>
    Rate,

    /// <summary>A yearly cost; canonical unit: euros a year.</summary>
    Money,

    /// <summary>Anything else (a word such as fifo, a date): only a list of values can be uncertain.</summary>
    Text,
}
