using IsdnSim.Kernel.Agents;
using IsdnSim.Kernel.Model;

namespace IsdnSim.Analysis.Metrics;

/// <summary>
/// Whether an agency's queue was stable in one replication, judged from its figures after the
/// warm-up only (so the verdict is a pure function of the result, the same on every engine).
/// <para>
/// <b>Saturated</b>: utilisation of the staff present (busy over the time its staff were at work
/// or free, neither absent nor the post vacant; for a council, agenda places used) at least
/// <see cref="SaturatedUtilisation"/> and items still waiting at the horizon. The
/// offered load is then at or within sampling error of the capacity: a stable queue needs spare
/// capacity, and an M/M/1 queue at 98 % load already has a mean queue of 48 items.
/// </para>
/// <para>
/// <b>Growing</b>: the work in progress at the agency rose over the observation period by more
/// than a stable queue can explain. Arrivals A minus completions D (both after the warm-up) is
/// exactly the rise N(T) - N(W) of the items at the agency. A stable queue that starts empty rises
/// by about its mean work in progress L (queue plus in service); random fluctuation adds a random
/// walk of standard deviation at most about sqrt(A + D) (that of a critically loaded queue; a
/// stable one fluctuates less). Growing is A - D > L + <see cref="GrowthSigmas"/> sqrt(A + D).
/// An overloaded queue rises by (1 - 1/rho) A, twice its mean work in progress when it starts
/// empty, which passes this bound as soon as a few hundred items arrived. An agency with an intake window (a funding programme's yearly
/// call) is not judged by growth: the applications it holds until the window opens are up to a
/// year's worth, a wait by design that a saturated agency would show too; it is judged by
/// saturation alone.
/// </para>
/// </summary>
public sealed record AgencyStability(bool Saturated, bool Growing)
{
    /// <summary>Utilisation from which a busy agency with work waiting counts as saturated.</summary>
    public const double SaturatedUtilisation = 0.98;

    /// <summary>Standard deviations of the random walk A - D that a rise must exceed (on top of L) to count as growth.</summary>
    public const double GrowthSigmas = 2;

    /// <summary>Either symptom: offered load at or above capacity.</summary>
    public bool Unstable => Saturated || Growing;

    /// <summary>The rise of work in progress at the agency over the observation period: arrivals minus completions.</summary>
    public static long Rise(AgencyStatistics a) => a.Arrived - a.Done;

    /// <summary>
    /// The largest rise a stable queue plausibly shows: its mean work in progress (mean queue plus
    /// mean staff in service, utilisation times staff) plus <see cref="GrowthSigmas"/> sqrt(A + D).
    /// </summary>
    public static double StableRiseBound(AgencyStatistics a) =>
        a.MeanQueueLength + (a.Utilisation * a.Staff) + (GrowthSigmas * Math.Sqrt(a.Arrived + a.Done));

    /// <summary>The verdict on one agency in one replication.</summary>
    /// <param name="a">The agency's figures in one replication.</param>
    /// <param name="intakeWindow">Whether it accepts items only in a window (then growth is not judged).</param>
    public static AgencyStability Of(AgencyStatistics a, bool intakeWindow) => new(
        Saturated: a.PresentUtilisation >= SaturatedUtilisation && a.InQueueAtEnd > 0,
        Growing: !intakeWindow && Rise(a) > StableRiseBound(a));

    /// <summary>The verdict on <paramref name="a"/>, an agency of <paramref name="model"/>.</summary>
    public static AgencyStability Of(SimulationModel model, AgencyStatistics a) =>
        Of(a, model.Agents[a.Agent].Agencies[a.Agency].Intake is not null);
}
