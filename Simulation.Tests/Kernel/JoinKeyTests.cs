using IsdnSim.Kernel.Agents.Mechanisms;
using IsdnSim.Kernel.Model;

namespace IsdnSim.Tests.Kernel;

/// <summary>
/// The key of a join's awaited count has its own hash: it must identify (project, step, segment)
/// exactly as the tuple it replaced did.
/// </summary>
public sealed class JoinKeyTests
{
    [Fact]
    public void Keys_AreEqual_ExactlyWhenAllTheirPartsAre()
    {
        var random = new Random(13);
        for (var i = 0; i < 20_000; i++)
        {
            var (a, b) = (Draw(random), Draw(random));
            var key = new Joins.JoinKey(a.Project, a.Step, a.Segment);
            var other = new Joins.JoinKey(b.Project, b.Step, b.Segment);
            var same = new Joins.JoinKey(a.Project, a.Step, a.Segment);

            key.Equals(other).Should().Be(a == b);
            key.Equals(same).Should().BeTrue();
            key.GetHashCode().Should().Be(same.GetHashCode());
        }
    }

    [Fact]
    public void ADictionaryByKey_HoldsWhatADictionaryByTheTupleHolds()
    {
        var random = new Random(14);
        var byKey = new Dictionary<Joins.JoinKey, int>();
        var byTuple = new Dictionary<(ProjectId, int, int), int>();
        for (var i = 0; i < 50_000; i++)
        {
            var (project, step, segment) = Draw(random);
            var key = new Joins.JoinKey(project, step, segment);
            if (random.Next(3) == 0)
            {
                byKey.Remove(key).Should().Be(byTuple.Remove((project, step, segment)));
            }
            else
            {
                var value = random.Next();
                byKey[key] = value;
                byTuple[(project, step, segment)] = value;
            }
        }

        byKey.Should().HaveCount(byTuple.Count);
        foreach (var ((project, step, segment), value) in byTuple)
        {
            byKey[new Joins.JoinKey(project, step, segment)].Should().Be(value);
        }
    }

    // Small ranges, so that equal and nearly equal keys are common; shock projects have negative serials.
    private static (ProjectId Project, int Step, int Segment) Draw(Random random) =>
        (new ProjectId(random.Next(6), random.Next(3), random.Next(-3, 40)), random.Next(5), random.Next(-1, 3));
}
