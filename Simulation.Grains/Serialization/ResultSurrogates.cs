using IsdnSim.Kernel.Agents;

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
    [property: Id(11)] int InServiceAtEnd,
    [property: Id(12)] double[] YearUtilisation,
    [property: Id(13)] double[] YearWaitingCaused,
    [property: Id(14)] bool IsCouncil,
    [property: Id(15)] long Fictions,
    [property: Id(16)] double PresentShare);

[RegisterConverter]
public sealed class AgencyStatisticsConverter : IConverter<AgencyStatistics, AgencyStatisticsSurrogate>
{
    public AgencyStatistics ConvertFromSurrogate(in AgencyStatisticsSurrogate s) =>
        new(s.Agent, s.Agency, s.Staff, s.Utilisation, s.MeanQueueLength, s.MeanWait, s.Arrived, s.Started, s.Done,
            s.WaitingCaused, s.InQueueAtEnd, s.InServiceAtEnd, s.YearUtilisation, s.YearWaitingCaused)
        {
            IsCouncil = s.IsCouncil,
            PresentShare = s.PresentShare,
            Fictions = s.Fictions,
        };

    public AgencyStatisticsSurrogate ConvertToSurrogate(in AgencyStatistics a) =>
        new(a.Agent, a.Agency, a.Staff, a.Utilisation, a.MeanQueueLength, a.MeanWait, a.Arrived, a.Started, a.Done,
            a.WaitingCaused, a.InQueueAtEnd, a.InServiceAtEnd, a.YearUtilisation, a.YearWaitingCaused, a.IsCouncil, a.Fictions, a.PresentShare);
}

[GenerateSerializer, Immutable, Alias("IsdnSim.MandateTally")]
public readonly record struct MandateTallySurrogate([property: Id(0)] int Shock, [property: Id(1)] int Group, [property: Id(2)] long Count);

[RegisterConverter]
public sealed class MandateTallyConverter : IConverter<MandateTally, MandateTallySurrogate>
{
    public MandateTally ConvertFromSurrogate(in MandateTallySurrogate s) => new(s.Shock, s.Group, s.Count);

    public MandateTallySurrogate ConvertToSurrogate(in MandateTally v) => new(v.Shock, v.Group, v.Count);
}

[GenerateSerializer, Immutable, Alias("IsdnSim.DecisionTally")]
public readonly record struct DecisionTallySurrogate(
    [property: Id(0)] long[] Taken,
    [property: Id(1)] long[] Congruent,
    [property: Id(2)] double InhabitantsPerSeatSum,
    [property: Id(3)] long InhabitantsPerSeatCount,
    [property: Id(4)] double DistanceSum,
    [property: Id(5)] long DistanceCount);

[RegisterConverter]
public sealed class DecisionTallyConverter : IConverter<DecisionTally, DecisionTallySurrogate>
{
    public DecisionTally ConvertFromSurrogate(in DecisionTallySurrogate s) =>
        new(s.Taken, s.Congruent, s.InhabitantsPerSeatSum, s.InhabitantsPerSeatCount, s.DistanceSum, s.DistanceCount);

    public DecisionTallySurrogate ConvertToSurrogate(in DecisionTally v) =>
        new(v.Taken, v.Congruent, v.InhabitantsPerSeatSum, v.InhabitantsPerSeatCount, v.DistanceSum, v.DistanceCount);
}

[GenerateSerializer, Immutable, Alias("IsdnSim.AgentTallies")]
public readonly record struct AgentTalliesSurrogate(
    [property: Id(0)] long[] Handoffs,
    [property: Id(1)] long[] Reworks,
    [property: Id(2)] DecisionTally Decisions,
    [property: Id(4)] long Consultations,
    [property: Id(5)] long LapsedConsultations,
    [property: Id(6)] MandateTally[] Mandated,
    [property: Id(7)] long FictionPeriods,
    [property: Id(8)] long Fictions);

[RegisterConverter]
public sealed class AgentTalliesConverter : IConverter<AgentTallies, AgentTalliesSurrogate>
{
    public AgentTallies ConvertFromSurrogate(in AgentTalliesSurrogate s) =>
        new(s.Handoffs, s.Reworks, s.Decisions, s.Consultations, s.LapsedConsultations, s.Mandated)
        {
            FictionPeriods = s.FictionPeriods,
            Fictions = s.Fictions,
        };

    public AgentTalliesSurrogate ConvertToSurrogate(in AgentTallies v) =>
        new(v.Handoffs, v.Reworks, v.Decisions, v.Consultations, v.LapsedConsultations, v.Mandated, v.FictionPeriods, v.Fictions);
}
