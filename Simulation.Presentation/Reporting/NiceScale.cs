namespace IsdnSim.Presentation.Reporting;

/// <summary>
/// An axis range widened to round numbers, with ticks at steps of 1, 2 or 5 times a power of
/// ten (Heckbert's "nice numbers"), so a reader can interpolate between the tick labels.
/// </summary>
internal sealed record NiceScale(double Min, double Max, double Step)
{
    public static NiceScale For(double low, double high, int ticks = 5)
    {
        if (!double.IsFinite(low) || !double.IsFinite(high))
        {
            return new NiceScale(0, 1, 0.2);
        }

        if (low > high)
        {
            (low, high) = (high, low);
        }

        if (high - low < 1e-12 * Math.Max(1, Math.Abs(high)))
        {
            // One value: a range around it, so the point sits inside the plot.
            var pad = low == 0 ? 1 : Math.Abs(low) * 0.1;
            (low, high) = (low - pad, high + pad);
        }

        var step = Nice((high - low) / Math.Max(1, ticks - 1));
        var min = Math.Floor(low / step) * step;
        var max = Math.Ceiling(high / step) * step;
        return new NiceScale(min + 0.0, max + 0.0, step);
    }

    /// <summary>Decimals the tick labels need to tell the ticks apart.</summary>
    public int Decimals => Math.Max(0, (int)-Math.Floor(Math.Log10(Step) + 1e-9));

    public IEnumerable<double> Ticks
    {
        get
        {
            var count = (int)Math.Round((Max - Min) / Step);
            // From integers times the step, so that 0.1 + 0.2 drift never shows up as a tick of 0.30000000000000004.
            return Enumerable.Range(0, count + 1).Select(i => Math.Round(Min + i * Step, Decimals + 2) + 0.0);
        }
    }

    /// <summary>The 1, 2 or 5 times a power of ten nearest to <paramref name="step"/>.</summary>
    private static double Nice(double step)
    {
        var exponent = Math.Floor(Math.Log10(step));
        var fraction = step / Math.Pow(10, exponent);
        var nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
        return nice * Math.Pow(10, exponent);
    }
}
