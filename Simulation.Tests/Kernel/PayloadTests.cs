using IsdnSim.Kernel.Agents.Events;
using IsdnSim.Kernel.Agents.Messages;

namespace IsdnSim.Tests.Kernel;

/// <summary>Events and messages give back the payload they were made from, and refuse to be read as another kind.</summary>
public sealed class PayloadTests
{
    [Fact]
    public void AnEvent_GivesBackItsPayload()
    {
        EventBody end = new ServiceEnd(3, 1, 7);
        EventBody deadline = new ConsultationDeadline(1L << 40);
        EventBody absence = new AbsenceChange(2, 5);
        EventBody vacancy = new VacancyChange(4, 6);

        end.Kind.Should().Be(EventKind.ServiceEnd);
        end.AsServiceEnd().Should().Be(new ServiceEnd(3, 1, 7));
        deadline.AsConsultationDeadline().Should().Be(new ConsultationDeadline(1L << 40));
        absence.AsAbsenceChange().Should().Be(new AbsenceChange(2, 5));
        vacancy.AsVacancyChange().Should().Be(new VacancyChange(4, 6));
    }

    [Fact]
    public void AnEvent_ReadAsAnotherKind_Throws()
    {
        EventBody session = new CouncilSession(2);

        ((Action)(() => session.AsIntakeOpens())).Should().Throw<InvalidOperationException>().WithMessage("*CouncilSession*IntakeOpens*");
    }

    [Fact]
    public void AMessage_GivesBackItsPayload()
    {
        MessageBody request = new ConsultRequest(4, 2, 1L << 40);
        MessageBody support = new SupportRequest(5, 7, 0.25);

        (request.Kind, request.Step).Should().Be((MessageKind.ConsultRequest, 4));
        request.AsConsultRequest().Should().Be(new ConsultRequest(4, 2, 1L << 40));
        support.AsSupportRequest().Should().Be(new SupportRequest(5, 7, 0.25));
    }

    [Fact]
    public void AMessage_ReadAsAnotherKind_Throws()
    {
        MessageBody reply = new ConsultReply(4, 2, 9);

        ((Action)(() => reply.AsConsultRequest())).Should().Throw<InvalidOperationException>().WithMessage("*ConsultReply*ConsultRequest*");
    }
}
