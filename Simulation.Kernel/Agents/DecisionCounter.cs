using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Model;

namespace IsdnSim.Kernel.Agents;

/// <summary>Counts the decisions an agent takes, as <see cref="DecisionTally"/> reports them.</summary>
internal sealed class DecisionCounter
{
    private static readonly int Classes = Enum.GetValues<Discretion>().Length;

    private readonly long[] _taken = new long[Classes];
    private readonly long[] _congruent = new long[Classes];
    private double _seatSum;
    private long _seatCount;
    private double _distanceSum;
    private long _distanceCount;

    /// <summary>
    /// A decision of <paramref name="discretion"/> taken by <paramref name="decider"/> on a project in
    /// <paramref name="territory"/> (an agent's index): its seat is read from the model's
    /// <see cref="SimulationModel.Facts"/>, its location only where the decision had a choice.
    /// </summary>
    public void Count(Discretion discretion, AgentModel decider, int territory, SimulationModel model)
    {
        _taken[(int)discretion]++;
        if (decider.Index == model.Facts[territory].Seat)
        {
            _congruent[(int)discretion]++;
        }

        if (!Discretions.HasChoice(discretion))
        {
            return;
        }

        if (double.IsFinite(decider.InhabitantsPerSeat))
        {
            _seatSum += decider.InhabitantsPerSeat;
            _seatCount++;
        }

        if (decider.Location is { } seat && model.AgentArray[territory].Location is { } place)
        {
            _distanceSum += place.DistanceKm(seat);
            _distanceCount++;
        }
    }

    /// <summary>What was counted so far, as a tally of its own (later counts do not change it).</summary>
    public DecisionTally Tally() => new([.. _taken], [.. _congruent], _seatSum, _seatCount, _distanceSum, _distanceCount);
}
