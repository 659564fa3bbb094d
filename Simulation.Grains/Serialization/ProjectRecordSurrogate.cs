using IsdnSim.Core.Kernel;

namespace IsdnSim.Grains.Serialization;

[GenerateSerializer, Immutable, Alias("IsdnSim.ProjectRecord")]
public readonly record struct ProjectRecordSurrogate(
    [property: Id(0)] int Owner,
    [property: Id(1)] int Process,
    [property: Id(2)] int Serial,
    [property: Id(3)] double Arrival,
    [property: Id(4)] double Finish,
    [property: Id(5)] double Wait,
    [property: Id(6)] double Service,
    [property: Id(7)] double Handoff);

[RegisterConverter]
public sealed class ProjectRecordConverter : IConverter<ProjectRecord, ProjectRecordSurrogate>
{
    public ProjectRecord ConvertFromSurrogate(in ProjectRecordSurrogate s) =>
        new(new ProjectId(s.Owner, s.Process, s.Serial), s.Arrival, s.Finish, new PathSummary(s.Wait, s.Service, s.Handoff));

    public ProjectRecordSurrogate ConvertToSurrogate(in ProjectRecord r) =>
        new(r.Id.Owner, r.Id.Process, r.Id.Serial, r.Arrival, r.Finish, r.Path.Wait, r.Path.Service, r.Path.Handoff);
}
