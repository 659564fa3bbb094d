using IsdnSim.Analysis.Validation;

namespace IsdnSim.Runner.Services;

/// <summary>How a check ended: the comparison written, or why nothing was (interrupted, failed), with the exit code.</summary>
internal sealed record CheckOutcome(ObservedCheck? Check, int ExitCode)
{
    public double WallSeconds { get; init; }
}
