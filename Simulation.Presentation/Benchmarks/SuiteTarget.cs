namespace IsdnSim.Presentation.Benchmarks;

/// <summary>A target of issue 13 for one figure: at most or at least a value, met by the median of the process runs.</summary>
public sealed record SuiteTarget(TargetBound Bound, double Value)
{
    public bool MetBy(double median) => Bound == TargetBound.AtMost ? median <= Value : median >= Value;
}

public enum TargetBound
{
    AtMost,
    AtLeast,
}
