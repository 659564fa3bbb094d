namespace IsdnSim.Analysis.Validation;

/// <summary>
/// What the model is against an observation: faster where its lead time is shorter than observed
/// (its interval below the observation) or its share finished higher; slower the other way round.
/// </summary>
public enum ModelPace
{
    /// <summary>The model has no value to compare.</summary>
    None,

    /// <summary>The observation lies within the model's interval.</summary>
    Consistent,

    Faster,

    Slower,
}
