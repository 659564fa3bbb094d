using IsdnSim.Kernel.Agents;
using IsdnSim.Kernel.Agents.Messages;
using IsdnSim.Kernel.Model;

namespace IsdnSim.Grains.Serialization;

// Wire forms of the kernel's project values (the kernel has no Orleans types). They nest: a message holds
// a token, a token a path summary and a dominant step.

[GenerateSerializer, Immutable, Alias("IsdnSim.ProjectId")]
public readonly record struct ProjectIdSurrogate([property: Id(0)] int Owner, [property: Id(1)] int Process, [property: Id(2)] int Serial);

[RegisterConverter]
public sealed class ProjectIdConverter : IConverter<ProjectId, ProjectIdSurrogate>
{
    public ProjectId ConvertFromSurrogate(in ProjectIdSurrogate s) => new(s.Owner, s.Process, s.Serial);

    public ProjectIdSurrogate ConvertToSurrogate(in ProjectId v) => new(v.Owner, v.Process, v.Serial);
}

[GenerateSerializer, Immutable, Alias("IsdnSim.PathSummary")]
public readonly record struct PathSummarySurrogate(
    [property: Id(0)] double Wait,
    [property: Id(1)] double Service,
    [property: Id(2)] double Council,
    [property: Id(3)] double Handoff,
    [property: Id(4)] double Rework,
    [property: Id(5)] double Window,
    [property: Id(6)] double Period);

[RegisterConverter]
public sealed class PathSummaryConverter : IConverter<PathSummary, PathSummarySurrogate>
{
    public PathSummary ConvertFromSurrogate(in PathSummarySurrogate s) => new(s.Wait, s.Service, s.Council, s.Handoff, s.Rework, s.Window, s.Period);

    public PathSummarySurrogate ConvertToSurrogate(in PathSummary v) => new(v.Wait, v.Service, v.Council, v.Handoff, v.Rework, v.Window, v.Period);
}

[GenerateSerializer, Immutable, Alias("IsdnSim.DominantStep")]
public readonly record struct DominantStepSurrogate([property: Id(0)] int Step, [property: Id(1)] int Agent, [property: Id(2)] int Agency, [property: Id(3)] double Duration);

[RegisterConverter]
public sealed class DominantStepConverter : IConverter<DominantStep, DominantStepSurrogate>
{
    public DominantStep ConvertFromSurrogate(in DominantStepSurrogate s) => new(s.Step, s.Agent, s.Agency, s.Duration);

    public DominantStepSurrogate ConvertToSurrogate(in DominantStep v) => new(v.Step, v.Agent, v.Agency, v.Duration);
}

[GenerateSerializer, Immutable, Alias("IsdnSim.ProjectToken")]
public readonly record struct ProjectTokenSurrogate(
    [property: Id(0)] ProjectId Id,
    [property: Id(1)] double Arrival,
    [property: Id(2)] PathSummary Path,
    [property: Id(3)] int Segment,
    [property: Id(4)] int Territory,
    [property: Id(5)] DominantStep Dominant,
    [property: Id(6)] int Handoffs,
    [property: Id(7)] int Reworks,
    [property: Id(8)] bool InRework,
    [property: Id(9)] int Round);

[RegisterConverter]
public sealed class ProjectTokenConverter : IConverter<ProjectToken, ProjectTokenSurrogate>
{
    public ProjectToken ConvertFromSurrogate(in ProjectTokenSurrogate s) => new(s.Id, s.Arrival)
    {
        Path = s.Path,
        Segment = s.Segment,
        Territory = s.Territory,
        Dominant = s.Dominant,
        Handoffs = s.Handoffs,
        Reworks = s.Reworks,
        InRework = s.InRework,
        Round = s.Round,
    };

    public ProjectTokenSurrogate ConvertToSurrogate(in ProjectToken v) =>
        new(v.Id, v.Arrival, v.Path, v.Segment, v.Territory, v.Dominant, v.Handoffs, v.Reworks, v.InRework, v.Round);
}

// A message's body travels flat: its kind and the fields its payload uses (the others are 0).
[GenerateSerializer, Immutable, Alias("IsdnSim.Message")]
public readonly record struct MessageSurrogate(
    [property: Id(0)] double Delivery,
    [property: Id(1)] int From,
    [property: Id(2)] long Sequence,
    [property: Id(3)] int To,
    [property: Id(4)] double Sent,
    [property: Id(5)] MessageKind Kind,
    [property: Id(6)] int Step,
    [property: Id(7)] int Consultee,
    [property: Id(8)] long Request,
    [property: Id(9)] double Effort,
    [property: Id(10)] ProjectToken Project);

[RegisterConverter]
public sealed class MessageConverter : IConverter<Message, MessageSurrogate>
{
    public Message ConvertFromSurrogate(in MessageSurrogate s) =>
        new(s.Delivery, s.From, s.Sequence, s.To, s.Sent, Body(s), s.Project);

    public MessageSurrogate ConvertToSurrogate(in Message m)
    {
        var b = m.Body;
        var (consultee, request, effort) = b.Kind switch
        {
            MessageKind.ConsultRequest => (b.AsConsultRequest().Consultee, b.AsConsultRequest().Consultation, 0.0),
            MessageKind.ConsultReply => (b.AsConsultReply().Consultee, b.AsConsultReply().Consultation, 0.0),
            MessageKind.SupportRequest => (0, b.AsSupportRequest().Request, b.AsSupportRequest().Effort),
            MessageKind.SupportReply => (0, b.AsSupportReply().Request, 0.0),
            MessageKind.StepReady or MessageKind.ReworkRequest or MessageKind.ReworkDone => (0, 0L, 0.0),
            _ => throw new InvalidOperationException($"A message of unknown kind {b.Kind} cannot be sent."),
        };
        return new(m.Delivery, m.From, m.Sequence, m.To, m.Sent, b.Kind, b.Step, consultee, request, effort, m.Project);
    }

    private static MessageBody Body(in MessageSurrogate s) => s.Kind switch
    {
        MessageKind.StepReady => new StepReady(s.Step),
        MessageKind.ConsultRequest => new ConsultRequest(s.Step, s.Consultee, s.Request),
        MessageKind.ConsultReply => new ConsultReply(s.Step, s.Consultee, s.Request),
        MessageKind.ReworkRequest => new ReworkRequest(s.Step),
        MessageKind.ReworkDone => new ReworkDone(s.Step),
        MessageKind.SupportRequest => new SupportRequest(s.Step, s.Request, s.Effort),
        MessageKind.SupportReply => new SupportReply(s.Step, s.Request),
        _ => throw new InvalidOperationException($"A message of unknown kind {s.Kind} arrived."),
    };
}

[GenerateSerializer, Immutable, Alias("IsdnSim.ProjectRecord")]
public readonly record struct ProjectRecordSurrogate(
    [property: Id(0)] ProjectId Id,
    [property: Id(1)] double Arrival,
    [property: Id(2)] double Finish,
    [property: Id(3)] PathSummary Path,
    [property: Id(4)] double Deadline,
    [property: Id(5)] int Shock,
    [property: Id(6)] int Group,
    [property: Id(7)] DominantStep Dominant,
    [property: Id(8)] int Handoffs,
    [property: Id(9)] int Reworks);

[RegisterConverter]
public sealed class ProjectRecordConverter : IConverter<ProjectRecord, ProjectRecordSurrogate>
{
    public ProjectRecord ConvertFromSurrogate(in ProjectRecordSurrogate s) => new(s.Id, s.Arrival, s.Finish, s.Path)
    {
        Deadline = s.Deadline,
        Shock = s.Shock,
        Group = s.Group,
        Dominant = s.Dominant,
        Handoffs = s.Handoffs,
        Reworks = s.Reworks,
    };

    public ProjectRecordSurrogate ConvertToSurrogate(in ProjectRecord r) =>
        new(r.Id, r.Arrival, r.Finish, r.Path, r.Deadline, r.Shock, r.Group, r.Dominant, r.Handoffs, r.Reworks);
}

[GenerateSerializer, Immutable, Alias("IsdnSim.StepRecord")]
public readonly record struct StepRecordSurrogate(
    [property: Id(0)] ProjectId Project,
    [property: Id(1)] double ProjectArrival,
    [property: Id(2)] int Step,
    [property: Id(3)] int Agent,
    [property: Id(4)] int Agency,
    [property: Id(5)] double Ready,
    [property: Id(6)] double Start,
    [property: Id(7)] double End,
    [property: Id(8)] double Effort,
    [property: Id(9)] int Segment,
    [property: Id(10)] bool ByLaw);

[RegisterConverter]
public sealed class StepRecordConverter : IConverter<StepRecord, StepRecordSurrogate>
{
    public StepRecord ConvertFromSurrogate(in StepRecordSurrogate s) =>
        new(s.Project, s.ProjectArrival, s.Step, s.Agent, s.Agency, s.Ready, s.Start, s.End, s.Effort) { Segment = s.Segment, ByLaw = s.ByLaw };

    public StepRecordSurrogate ConvertToSurrogate(in StepRecord r) =>
        new(r.Project, r.ProjectArrival, r.Step, r.Agent, r.Agency, r.Ready, r.Start, r.End, r.Effort, r.Segment, r.ByLaw);
}
