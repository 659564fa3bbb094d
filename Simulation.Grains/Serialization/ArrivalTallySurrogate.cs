using IsdnSim.Kernel.Agents;

namespace IsdnSim.Grains.Serialization;

[GenerateSerializer, Immutable, Alias("IsdnSim.ArrivalTally")]
public readonly record struct ArrivalTallySurrogate(
    [property: Id(0)] int Owner,
    [property: Id(1)] int Process,
    [property: Id(2)] long Count,
    [property: Id(3)] double SumOfArrivalTimes,
    [property: Id(4)] long Before);

[RegisterConverter]
public sealed class ArrivalTallyConverter : IConverter<ArrivalTally, ArrivalTallySurrogate>
{
    public ArrivalTally ConvertFromSurrogate(in ArrivalTallySurrogate s) => new(s.Owner, s.Process, s.Count, s.SumOfArrivalTimes, s.Before);

    public ArrivalTallySurrogate ConvertToSurrogate(in ArrivalTally a) => new(a.Owner, a.Process, a.Count, a.SumOfArrivalTimes, a.Before);
}
