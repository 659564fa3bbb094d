using IsdnSim.Core.Kernel;

namespace IsdnSim.Grains.Serialization;

[GenerateSerializer, Immutable, Alias("IsdnSim.StepRecord")]
public readonly record struct StepRecordSurrogate(
    [property: Id(0)] int Owner,
    [property: Id(1)] int Process,
    [property: Id(2)] int Serial,
    [property: Id(3)] int Step,
    [property: Id(4)] int Agent,
    [property: Id(5)] int Agency,
    [property: Id(6)] double Ready,
    [property: Id(7)] double Start,
    [property: Id(8)] double End,
    [property: Id(9)] double Effort,
    [property: Id(10)] double ProjectArrival);

[RegisterConverter]
public sealed class StepRecordConverter : IConverter<StepRecord, StepRecordSurrogate>
{
    public StepRecord ConvertFromSurrogate(in StepRecordSurrogate s) =>
        new(new ProjectId(s.Owner, s.Process, s.Serial), s.ProjectArrival, s.Step, s.Agent, s.Agency, s.Ready, s.Start, s.End, s.Effort);

    public StepRecordSurrogate ConvertToSurrogate(in StepRecord r) =>
        new(r.Project.Owner, r.Project.Process, r.Project.Serial, r.Step, r.Agent, r.Agency, r.Ready, r.Start, r.End, r.Effort, r.ProjectArrival);
}
