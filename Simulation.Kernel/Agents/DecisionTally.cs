using IsdnSim.Kernel.Definitions;

namespace IsdnSim.Kernel.Agents;

/// <summary>
/// The decisions on projects an agent took after the warm-up: how many of each
/// <see cref="Discretion"/>, how many of them for the territory that elected the decider
/// (congruent), and, over the decisions that leave a choice, the inhabitants per elected member of
/// the deciding agent's assembly and the distance from the project's territory to the decider's
/// seat (summed where the scenario gives seats or locations, with their counts).
/// </summary>
public sealed record DecisionTally(
    long[] Taken,
    long[] Congruent,
    double InhabitantsPerSeatSum,
    long InhabitantsPerSeatCount,
    double DistanceSum,
    long DistanceCount)
{
    private static readonly int Classes = Enum.GetValues<Discretion>().Length;

    public static DecisionTally Empty => new(new long[Classes], new long[Classes], 0, 0, 0, 0);

    /// <summary>Every decision, whatever its discretion.</summary>
    public long Total => Taken.Sum();

    /// <summary>Of <see cref="Total"/>, those taken for the decider's own territory.</summary>
    public long TotalCongruent => Congruent.Sum();

    /// <summary>Decisions that leave a choice (<see cref="Discretions.HasChoice"/>).</summary>
    public long WithChoice => Taken[(int)Discretion.Discretionary] + Taken[(int)Discretion.Political];

    /// <summary>Of <see cref="WithChoice"/>, those taken for the decider's own territory.</summary>
    public long WithChoiceCongruent => Congruent[(int)Discretion.Discretionary] + Congruent[(int)Discretion.Political];

    /// <summary>The sum over agents, in their order (so that the floating-point sums are the same on every engine).</summary>
    public static DecisionTally Sum(IEnumerable<DecisionTally> tallies)
    {
        var taken = new long[Classes];
        var congruent = new long[Classes];
        double seats = 0, distance = 0;
        long seatCount = 0, distanceCount = 0;
        foreach (var t in tallies)
        {
            for (var i = 0; i < Classes; i++)
            {
                taken[i] += t.Taken[i];
                congruent[i] += t.Congruent[i];
            }

            seats += t.InhabitantsPerSeatSum;
            seatCount += t.InhabitantsPerSeatCount;
            distance += t.DistanceSum;
            distanceCount += t.DistanceCount;
        }

        return new DecisionTally(taken, congruent, seats, seatCount, distance, distanceCount);
    }
}
