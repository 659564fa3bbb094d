using IsdnSim.Core.Kernel;

namespace IsdnSim.Grains.Serialization;

[GenerateSerializer, Immutable, Alias("IsdnSim.AgencyStatistics")]
public readonly record struct AgencyStatisticsSurrogate(
    [property: Id(0)] int Agent,
    [property: Id(1)] int Agency,
    [property: Id(2)] int Staff,
    [property: Id(3)] double Utilisation,
    [property: Id(4)] double MeanQueueLength,
    [property: Id(5)] double MeanWait,
    [property: Id(6)] long Arrived,
    [property: Id(7)] long Started,
    [property: Id(8)] long Done,
    [property: Id(9)] double WaitingCaused,
    [property: Id(10)] int InQueueAtEnd,
    [property: Id(11)] int InServiceAtEnd);

[RegisterConverter]
public sealed class AgencyStatisticsConverter : IConverter<AgencyStatistics, AgencyStatisticsSurrogate>
{
    public AgencyStatistics ConvertFromSurrogate(in AgencyStatisticsSurrogate s) =>
        new(s.Agent, s.Agency, s.Staff, s.Utilisation, s.MeanQueueLength, s.MeanWait, s.Arrived, s.Started, s.Done,
            s.WaitingCaused, s.InQueueAtEnd, s.InServiceAtEnd);

    public AgencyStatisticsSurrogate ConvertToSurrogate(in AgencyStatistics a) =>
        new(a.Agent, a.Agency, a.Staff, a.Utilisation, a.MeanQueueLength, a.MeanWait, a.Arrived, a.Started, a.Done,
            a.WaitingCaused, a.InQueueAtEnd, a.InServiceAtEnd);
}
