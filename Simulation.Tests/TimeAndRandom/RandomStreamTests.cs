using IsdnSim.Kernel.Random;
using StableHash = IsdnSim.Kernel.Random.StableHash;

namespace IsdnSim.Tests.TimeAndRandom;

public sealed class RandomStreamTests
{
    [Theory]
    // Reference values from an independent implementation of SplitMix64 seeding and xoshiro256**
    // (Blackman and Vigna); key 0 gives the widely published first output 0x99EC5F36CB75F2B4.
    [InlineData(0UL, 0x99ec5f36cb75f2b4UL, 0xbf6e1f784956452aUL, 0x1a5f849d4933e6e0UL)]
    [InlineData(42UL, 0x15780b2e0c2ec716UL, 0x6104d9866d113a7eUL, 0xae17533239e499a1UL)]
    [InlineData(0xDEADBEEFUL, 0xc5555444a74d7e83UL, 0x65c30d37b4b16e38UL, 0x54f773200a4efa23UL)]
    public void Stream_IsXoshiro256StarStarSeededBySplitMix64(ulong key, ulong first, ulong second, ulong third)
    {
        var stream = RandomStream.FromKey(key);

        stream.NextUInt64().Should().Be(first);
        stream.NextUInt64().Should().Be(second);
        stream.NextUInt64().Should().Be(third);
    }

    [Fact]
    public void StableHash_DoesNotDependOnTheProcess()
    {
        // Pinned values: string.GetHashCode would differ from run to run; this must not.
        StableHash.Of("heidestadt").Should().Be(StableHash.Of("heidestadt"));
        StableHash.Of("").Should().Be(StableHash.Mix(0xCBF29CE484222325UL));
        StableHash.Of("a").Should().NotBe(StableHash.Of("b"));
        StableHash.Combine(1, 2).Should().NotBe(StableHash.Combine(2, 1), "order matters in a stream key");
    }

    [Theory]
    [InlineData(-1, 0, 0)]
    [InlineData(2, 0, 0)]
    [InlineData(-1, 3, 0)]
    [InlineData(-1, 0, StreamKeys.Rework)]
    public void WorkKey_FromItsSourcesPart_IsTheKeyOfFiveCombinations(int segment, int round, int purpose)
    {
        // The key as first written: (root, effort domain, municipality, process, serial, step) combined in turn.
        const ulong Root = 0x1234_5678_9ABC_DEF0UL, Municipality = 17, Process = 0xFEDC_BA98UL, Step = 99;
        const long Serial = 123_456;
        var step = segment < 0 && round == 0 && purpose == 0
            ? Step
            : StableHash.Combine(StableHash.Combine(StableHash.Combine(Step, (ulong)(segment + 1)), (ulong)round), (ulong)purpose);
        var written = StableHash.Combine(
            StableHash.Combine(
                StableHash.Combine(StableHash.Combine(StableHash.Combine(Root, StableHash.Of("effort")), Municipality), Process),
                (ulong)Serial),
            step);

        StreamKeys.Work(Root, Municipality, Process, Serial, Step, segment, round, purpose).Should().Be(written);
        StreamKeys.ProjectEffort(StreamKeys.EffortSource(Root, Municipality, Process), Serial, StreamKeys.WorkStep(Step, segment, round, purpose))
            .Should().Be(written);
    }

    [Fact]
    public void NextOpenDouble_IsStrictlyInsideTheUnitInterval()
    {
        var stream = RandomStream.FromKey(7);
        for (var i = 0; i < 100_000; i++)
        {
            stream.NextOpenDouble().Should().BeInRange(double.Epsilon, 1 - 1e-17);
        }
    }

    [Fact]
    public void NextInt_IsUniform_ByChiSquare()
    {
        // 10 cells, 100,000 draws: chi-square with 9 degrees of freedom exceeds 27.88 with probability 0.001.
        var stream = RandomStream.FromKey(11);
        var counts = new int[10];
        for (var i = 0; i < 100_000; i++)
        {
            counts[stream.NextInt(10)]++;
        }

        var chiSquare = counts.Sum(c => (c - 10_000.0) * (c - 10_000.0) / 10_000.0);
        chiSquare.Should().BeLessThan(27.88);
    }
}
