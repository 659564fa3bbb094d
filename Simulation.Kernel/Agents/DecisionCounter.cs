using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Model;

namespace IsdnSim.Kernel.Agents;

/// <summary>Counts the decisions an agent takes, as <see cref="DecisionTally"/> reports them.</summary>
internal sealed class DecisionCounter
{
    private readonly DecisionTally _tally = DecisionTally.Empty;
    private double _seatSum;
    private long _seatCount;
    private double _distanceSum;
    private long _distanceCount;

    /// <summary>A decision of <paramref name="discretion"/> taken by <paramref name="decider"/> on a project in <paramref name="territory"/>.</summary>
    public void Count(Discretion discretion, AgentModel decider, AgentModel territory)
    {
        var congruent = decider.Index == territory.Seat;
        _tally.Taken[(int)discretion]++;
        if (congruent)
        {
            _tally.Congruent[(int)discretion]++;
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

        if (decider.Location is { } seat && territory.Location is { } place)
        {
            _distanceSum += place.DistanceKm(seat);
            _distanceCount++;
        }
    }

    public DecisionTally Tally() => _tally with
    {
        Taken = [.. _tally.Taken],
        Congruent = [.. _tally.Congruent],
        InhabitantsPerSeatSum = _seatSum,
        InhabitantsPerSeatCount = _seatCount,
        DistanceSum = _distanceSum,
        DistanceCount = _distanceCount,
    };
}
