namespace IsdnSim.Kernel.Definitions;

/// <summary>
/// A figure of the scenario whose value is uncertain, as an entry of the <c>uncertain:</c>
/// section declares it: the value written at <see cref="Path"/> (a path as <c>sweep --set</c>
/// takes it, exactly as the entry writes it), and at each of <see cref="Also"/>, follows
/// <see cref="Distribution"/>. Where the range comes from: <see cref="Source"/>, or
/// <see cref="Assumption"/>; <see cref="Note"/> says why. <see cref="File"/> and
/// <see cref="Position"/> are where the entry is written (the scenario, or an --uncertain file).
/// </summary>
/// <param name="Also">Further paths set to the same value (one assumption written in several places).</param>
public sealed record UncertainParameter(
    string Path,
    IReadOnlyList<string> Also,
    UncertainDistribution Distribution,
    UncertainQuantity Quantity,
    string? Source,
    bool Assumption,
    string? Note,
    string File,
    SourcePosition Position)
{
    /// <summary><see cref="Path"/> and <see cref="Also"/>: every place the value is set.</summary>
    public IReadOnlyList<string> Paths => [Path, .. Also];

    /// <summary>
    /// The value at <paramref name="u"/> of the unit interval (the inverse of the distribution
    /// function). A whole number (staff, an agenda) takes each whole number from low to high with
    /// equal chance under a uniform range (floor of low + u (high - low + 1), at most high), and
    /// the nearest whole number (half away from zero) of the continuous value under the others.
    /// </summary>
    public UncertainValue At(double u)
    {
        var d = Distribution;
        if (d.Shape == UncertainShape.Discrete)
        {
            var i = d.Index(u);
            return new UncertainValue(this, d.Numbers[i], d.Written[i]);
        }

        if (Quantity.Kind == QuantityKind.WholeNumber)
        {
            var whole = d.Shape == UncertainShape.Uniform
                ? Math.Min(d.Low + Math.Floor(u * (d.High - d.Low + 1)), d.High)
                : Math.Round(d.InverseCdf(u), MidpointRounding.AwayFromZero);
            return Of(whole);
        }

        return Of(d.InverseCdf(u));
    }

    /// <summary>The value <paramref name="number"/> (in the canonical unit) as the file would say it.</summary>
    public UncertainValue Of(double number) => new(this, number, Quantity.Format(number));

    /// <summary>
    /// The values <c>validate</c> tries, each alone: the ends of a range (and a triangular's mode),
    /// or every value of a list, as written in the file.
    /// </summary>
    public IReadOnlyList<(string Role, string Text)> Checked => Distribution.Shape switch
    {
        UncertainShape.Discrete => [.. Distribution.Written.Select(w => ("a value of the list", w))],
        UncertainShape.Triangular => [("the low end", Distribution.Written[0]), ("the mode", Distribution.Written[1]), ("the high end", Distribution.Written[2])],
        _ => [("the low end", Distribution.Written[0]), ("the high end", Distribution.Written[1])],
    };
}

/// <summary>A value of an uncertain parameter: the number in its canonical unit (NaN for a word), and the text set in the file.</summary>
public readonly record struct UncertainValue(UncertainParameter Parameter, double Number, string Text);
