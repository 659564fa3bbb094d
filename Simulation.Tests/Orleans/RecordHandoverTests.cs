using IsdnSim.Grains.Hosting;
using IsdnSim.Kernel.Agents;

namespace IsdnSim.Tests.Orleans;

public sealed class RecordHandoverTests
{
    [Fact]
    public void AGroupsResults_AreTakenOnce_ByWhoeverComesFirst()
    {
        var handover = new RecordHandover();
        AgentResult[] results = [];
        handover.Offer("run/0/1", results);

        handover.TryTake("run/0/0", out _).Should().BeFalse("another group offered nothing");
        handover.TryTake("run/0/1", out var taken).Should().BeTrue();
        taken.Should().BeSameAs(results);
        handover.TryTake("run/0/1", out _).Should().BeFalse("the results have their owner");
        handover.Waiting.Should().Be(0);
    }

    [Fact]
    public void AGroupClosedTwice_IsRefused()
    {
        var handover = new RecordHandover();
        handover.Offer("run/0/1", []);

        ((Action)(() => handover.Offer("run/0/1", []))).Should().Throw<InvalidOperationException>().WithMessage("*closed twice*");
    }
}
