using IsdnSim.Grains.Windows;

namespace IsdnSim.Tests.Orleans;

public sealed class PackedSpansTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void RefilledRoundAfterRound_HoldsExactlyTheSpansAddedSinceTheLastClear(int seed)
    {
        // The reference: a list of arrays, built afresh each round.
        var random = new Random(seed);
        var packed = new PackedSpans<string>();
        for (var round = 0; round < 50; round++)
        {
            var expected = new List<string[]>();
            packed.Clear();
            for (var s = random.Next(0, 20); s > 0; s--)
            {
                var span = Enumerable.Range(0, random.Next(0, 9)).Select(i => $"{round}.{s}.{i}").ToArray();
                expected.Add(span);
                packed.Add(span);
            }

            packed.Count.Should().Be(expected.Count);
            packed.ItemCount.Should().Be(expected.Sum(e => e.Length));
            for (var i = 0; i < expected.Count; i++)
            {
                packed[i].ToArray().Should().Equal(expected[i]);
            }

            packed.Items.ToArray().Should().Equal(expected.SelectMany(e => e));
        }
    }

    [Fact]
    public void ItsItemsAndEnds_DescribeItAgain()
    {
        var packed = new PackedSpans<int>();
        int[][] spans = [[1, 2], [], [3], [4, 5, 6], []];
        foreach (var span in spans)
        {
            packed.Add(span);
        }

        packed.Ends.ToArray().Should().Equal(2, 2, 3, 6, 6);
        var again = PackedSpans<int>.Of(packed.Items.ToArray(), packed.Ends.ToArray());

        again.Count.Should().Be(5);
        Enumerable.Range(0, 5).Select(i => again[i].ToArray()).Should().BeEquivalentTo(spans, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Cleared_ItLetsGoOfTheReferencesItHeld()
    {
        var packed = new PackedSpans<object>();
        var weak = AddAnObject(packed);
        packed.Clear();

        GC.Collect();
        GC.WaitForPendingFinalizers();

        weak.IsAlive.Should().BeFalse();
        packed.Count.Should().Be(0);
    }

    private static WeakReference AddAnObject(PackedSpans<object> packed)
    {
        var held = new object();
        packed.Add([held]);
        return new WeakReference(held);
    }

    [Fact]
    public void ASpanPastTheEnd_IsRefused()
    {
        var packed = new PackedSpans<int>();
        packed.Add([1]);
        packed.Clear();

        var read = () => packed[0].Length;

        read.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData(new[] { 1, 2, 3 }, new[] { 2, 1, 3 })]
    [InlineData(new[] { 1, 2, 3 }, new[] { 1, 2 })]
    [InlineData(new[] { 1, 2 }, new[] { 1, 3 })]
    public void PartsThatDoNotFit_AreRefused(int[] items, int[] ends)
    {
        var of = () => PackedSpans<int>.Of(items, ends);

        of.Should().Throw<ArgumentException>();
    }
}
