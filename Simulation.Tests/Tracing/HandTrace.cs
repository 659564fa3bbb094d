using IsdnSim.Presentation.Tracing;

namespace IsdnSim.Tests.Tracing;

/// <summary>
/// Traces written by hand, for what a simulated run does not show on demand: a town (with an
/// office and a council) and a district office, one process <c>p</c> whose steps the test gives,
/// and the events the test lists.
/// </summary>
internal static class HandTrace
{
    public const string Project = "town/p/0";

    public static TraceFile Make(IReadOnlyList<TraceStep> steps, params TraceRecord[] events) => Make("hand", "Town", steps, events);

    public static TraceFile Make(string scenario, string townName, IReadOnlyList<TraceStep> steps, params TraceRecord[] events) => new(
        new TraceInfo(scenario, "hand.yaml", "0", null, 1, 0, new DateOnly(2025, 1, 1), 100,
            [
                new TraceAgent("lk", "District", "district", "district", [new TraceAgency("office", "District office", 2, false)]),
                new TraceAgent("town", townName, "municipality", "municipal",
                    [new TraceAgency("office", "Town office", 1, false), new TraceAgency("council", "Town council", 0, true)], Parent: "lk"),
            ],
            [new TraceProcess("p", "Process p", steps)]),
        events,
        Complete: true,
        EndReason: null);

    public static TraceStep Step(string id, params string[] after) => new(id, "Step " + id, "work", after);

    public static TraceRecord Arrive(double t) => new(t, Date(t), "arrive", "town") { Project = Project, Process = "p", Owner = "town" };

    public static TraceRecord Send(double t, string agent, string step, string to, string message, double arrives, int? segment = null) =>
        new(t, Date(t), "send", agent) { Project = Project, Step = step, Segment = segment, To = to, Message = message, Arrives = arrives };

    public static TraceRecord Item(double t, string ev, string agent, string agency, string step, string work = "step", int? segment = null, int queue = 0) =>
        new(t, Date(t), ev, agent) { Agency = agency, Project = Project, Step = step, Segment = segment, Work = work, Queue = queue, Busy = ev == "start" ? 1 : 0 };

    public static TraceRecord Done(double t, string agent, string agency, string step, double days, int? segment = null) =>
        new(t, Date(t), "step-done", agent) { Agency = agency, Project = Project, Step = step, Segment = segment, Days = days };

    public static TraceRecord Finish(double t, string step) => new(t, Date(t), "finish", "town") { Project = Project, Step = step, Process = "p", Lead = t };

    private static string Date(double t) => new DateOnly(2025, 1, 1).AddDays((int)Math.Floor(t)).ToString("yyyy-MM-dd");
}
