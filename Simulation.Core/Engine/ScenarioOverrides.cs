using IsdnSim.Core.Scenario;
using IsdnSim.Core.Time;

namespace IsdnSim.Core.Engine;

/// <summary>Values given on the command line that replace the scenario's own, applied before compiling.</summary>
public sealed record ScenarioOverrides(ulong? Seed = null, int? Replications = null, double? HorizonDays = null)
{
    public static readonly ScenarioOverrides None = new();

    public ScenarioDefinition Apply(ScenarioDefinition definition) => definition with
    {
        Seed = Seed ?? definition.Seed,
        Replications = Replications ?? definition.Replications,
        Horizon = HorizonDays is { } h ? new CalendarDays(h) : definition.Horizon,
    };
}
