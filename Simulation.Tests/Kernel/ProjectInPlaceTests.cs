using IsdnSim.Kernel.Agents;
using IsdnSim.Kernel.Model;

namespace IsdnSim.Tests.Kernel;

/// <summary>
/// A token's path and a project's record written where they lie are bit for bit what the
/// immutable forms build (<c>with</c> and initialisers), which is how the kernel made them before.
/// </summary>
public sealed class ProjectInPlaceTests
{
    private static readonly PathSummary SomePath = new(0.1, 2.5, 3, 0.7, 0, 1.0 / 3, 4.25);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AddService_InPlace_MakesTheSumsOfWith(bool inRework)
    {
        var token = new ProjectToken(new ProjectId(3, 1, 77), 12.5, 3) { Path = SomePath, InRework = inRework, Reworks = 2 };
        var (window, wait, service) = (0.3, 1e-17, 2.0 / 7);
        var p = token.Path;
        var expected = token with
        {
            Path = inRework
                ? p with { Rework = p.Rework + window + wait + service }
                : p with { Window = p.Window + window, Wait = p.Wait + wait, Service = p.Service + service },
        };

        ProjectToken.AddService(ref token, window, wait, service);

        token.Should().Be(expected);
        Bits(token.Path).Should().Equal(Bits(expected.Path));
    }

    [Theory]
    [InlineData(5.0)] // the last step is longer than the token's dominant one
    [InlineData(2.0)] // as long: the token's stays
    [InlineData(1.0)] // shorter
    public void Write_InPlace_IsTheRecordOfTheInitialiser(double duration)
    {
        var token = new ProjectToken(new ProjectId(4, 2, 9), 1.5, 4)
        {
            Path = SomePath,
            Dominant = new DominantStep(1, 4, 0, 2.0),
            Handoffs = 3,
            Reworks = 1,
        };
        var expected = new ProjectRecord(token.Id, token.Arrival, 20.25, token.Path)
        {
            Dominant = token.Dominant.Longer(2, 5, 1, duration),
            Handoffs = token.Handoffs,
            Reworks = token.Reworks,
        };

        // A slot that held another record before, as a spool's block does.
        var slot = new ProjectRecord(new ProjectId(1, 1, 1), 9, 9, default) { Shock = 2, Group = 3, Deadline = 4 };
        ProjectRecord.Write(ref slot, token, 20.25, 2, 5, 1, duration);

        slot.Should().Be(expected);
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(new[] { slot }.AsSpan()).ToArray()
            .Should().Equal(System.Runtime.InteropServices.MemoryMarshal.AsBytes(new[] { expected }.AsSpan()).ToArray());
    }

    private static long[] Bits(PathSummary p) =>
        [.. new[] { p.Wait, p.Service, p.Council, p.Handoff, p.Rework, p.Window, p.Period }.Select(BitConverter.DoubleToInt64Bits)];
}
