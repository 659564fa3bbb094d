namespace IsdnSim.Analysis.Validation;

/// <summary>Where an observed value lies against the model's 95 % interval of the same statistic.</summary>
public enum ObservedPosition
{
    /// <summary>The model has no value: in no replication was anything of the process and region to measure.</summary>
    NoValue,

    /// <summary>Within the interval (with one replication, and so no interval: equal to the model's value).</summary>
    Inside,

    /// <summary>Above the interval's upper bound (with one replication: above the model's value).</summary>
    Above,

    /// <summary>Below the interval's lower bound (with one replication: below the model's value).</summary>
    Below,
}
