namespace IsdnSim.Presentation.Benchmarks;

/// <summary>
/// A figure of the base build that <c>bench --suite --against</c> ran in turn with this one: its own
/// <paramref name="Base"/> spread, and <paramref name="Ratio"/>, this build's figure over the base's
/// taken round by round (the two process runs of a round ran one after the other, so a busy spell
/// of the machine falls on both).
/// </summary>
public sealed record Pairing(Spread Base, Spread Ratio)
{
    /// <summary>
    /// The pairing of <paramref name="now"/> with <paramref name="base"/>, value by value in round
    /// order; null when either has none or they differ in count (a round that gave one build no value
    /// would pair later rounds wrongly), or a base value is zero.
    /// </summary>
    public static Pairing? Of(IReadOnlyList<double> now, IReadOnlyList<double> @base) =>
        now.Count == 0 || now.Count != @base.Count || @base.Contains(0)
            ? null
            : new Pairing(Spread.Of(@base), Spread.Of(now.Zip(@base, (n, b) => n / b)));
}
