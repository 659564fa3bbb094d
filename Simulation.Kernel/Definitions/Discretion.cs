namespace IsdnSim.Kernel.Definitions;

/// <summary>
/// How much a decision leaves to the one who takes it; spelled in scenario files as
/// <see cref="Discretions"/> says. Only decisions with a choice (<see cref="Political"/> and
/// <see cref="Discretionary"/>) say something about self-government when counted by who took them.
/// </summary>
public enum Discretion
{
    /// <summary>Not a decision (work, statements): not counted.</summary>
    None,

    /// <summary>A routine check (is the file complete?): a decision, without choice.</summary>
    Routine,

    /// <summary>A bound decision (gebundene Entscheidung): granted when the law's conditions hold, as a building permit.</summary>
    Bound,

    /// <summary>A decision with discretion or weighing (Ermessen, planerische Abwägung), as a plan approval.</summary>
    Discretionary,

    /// <summary>A resolution of an elected council.</summary>
    Political,
}
