namespace IsdnSim.Tests.Experiments;

/// <summary>Small queueing scenarios with variants, whose figures queueing theory knows.</summary>
internal static class Queues
{
    /// <summary>
    /// One desk with <paramref name="staff"/> people, Poisson arrivals at <paramref name="rate"/> per
    /// day, exponential work of mean one day, continuous calendar; variants that change only staffing (one-less only with two people or more).
    /// </summary>
    public static string Desk(int staff, double rate, string horizon, string warmup = "0d", int replications = 5, ulong seed = 7) => $$"""
        name: desk
        seed: {{seed}}
        start: 2025-01-01
        horizon: {{horizon}}
        warmup: {{warmup}}
        replications: {{replications}}
        calendar: { kind: continuous }
        agents:
          - { id: town, kind: municipality, agencies: [{ id: desk, staff: {{staff}}, roles: [service] }] }
        processes:
          - id: request
            steps: [{ id: handle, role: service, effort: { dist: exponential, mean: 1wd } }]
        jurisdiction: { service: self }
        demand: [{ process: request, at: [town], rate: {{rate.ToString(System.Globalization.CultureInfo.InvariantCulture)}}/day }]
        variants:
          - { id: as-is, operations: [] }
          - { id: one-more, operations: [{ op: scale_staff, agents: [town], factor: {{((staff + 1.0) / staff).ToString("R", System.Globalization.CultureInfo.InvariantCulture)}} }] }
        {{(staff > 1 ? $"  - {{ id: one-less, operations: [{{ op: scale_staff, agents: [town], factor: {((staff - 1.0) / staff).ToString("R", System.Globalization.CultureInfo.InvariantCulture)} }}] }}" : "")}}
        """;
}
