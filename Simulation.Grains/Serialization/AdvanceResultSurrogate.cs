using IsdnSim.Kernel.Agents;

namespace IsdnSim.Grains.Serialization;

[GenerateSerializer, Immutable, Alias("IsdnSim.AdvanceResult")]
public readonly record struct AdvanceResultSurrogate(
    [property: Id(0)] Message[] Outbox,
    [property: Id(1)] double Next,
    [property: Id(2)] long Events,
    [property: Id(3)] IsdnSim.Kernel.Tracing.TraceEvent[] Trace);

[RegisterConverter]
public sealed class AdvanceResultConverter : IConverter<AdvanceResult, AdvanceResultSurrogate>
{
    public AdvanceResult ConvertFromSurrogate(in AdvanceResultSurrogate s) => new(s.Outbox, s.Next, s.Events) { Trace = s.Trace };

    public AdvanceResultSurrogate ConvertToSurrogate(in AdvanceResult r) => new(r.Outbox, r.Next, r.Events, r.Trace);
}
