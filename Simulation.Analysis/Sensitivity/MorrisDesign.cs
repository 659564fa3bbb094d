using IsdnSim.Kernel.Random;

namespace IsdnSim.Analysis.Sensitivity;

/// <summary>
/// Morris's one-at-a-time design for elementary effects (Morris, Technometrics 33, 1991), built as
/// SALib's Morris sampler builds it (sample.morris without optimised trajectories; Saltelli et al.,
/// Global Sensitivity Analysis: The Primer, 2008, section 3.3). Every parameter's range is scaled
/// to [0, 1] and divided into p levels 0, 1/(p-1), .., 1; the step is
/// delta = p / (2 (p - 1)), so each level below 1 - delta has a partner delta above it. A
/// trajectory starts at a random point x* whose coordinates are levels in [0, 1 - delta], draws
/// a random direction (up or down) per parameter and a random order of the parameters, and moves
/// one parameter at a time by delta in that order: k + 1 points, each step changing exactly one
/// parameter once (Morris's B* = (J x* + (delta/2)((2B - J) D* + J)) P*).
/// <para>
/// Trajectory t draws from its own stream (<see cref="StreamKeys.MorrisTrajectory"/>): first the
/// k start levels, then the k directions, then the order (a Fisher-Yates shuffle), so a design with
/// more trajectories keeps the ones a smaller design had. Points are ordered by trajectory, then
/// by step; point p belongs to trajectory p / (k + 1).
/// </para>
/// </summary>
public sealed class MorrisDesign
{
    private readonly int[][] _startLevels;
    private readonly bool[][] _up;
    private readonly int[][] _order;

    /// <param name="trajectories">r, the number of trajectories.</param>
    /// <param name="parameters">k, the number of uncertain parameters.</param>
    /// <param name="levels">p, the number of levels: even and at least 2 (SALib's default is 4).</param>
    /// <param name="seed">The seed of the trajectories.</param>
    public MorrisDesign(int trajectories, int parameters, int levels, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trajectories, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(parameters, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(levels, 2);
        if (levels % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(levels), levels, "The number of Morris levels must be even, so that every level below 1 - delta has a partner delta above it.");
        }

        if ((long)trajectories * (parameters + 1) > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(trajectories), trajectories, "The design would have more points than can be counted.");
        }

        Trajectories = trajectories;
        Parameters = parameters;
        Levels = levels;
        Seed = seed;
        _startLevels = new int[trajectories][];
        _up = new bool[trajectories][];
        _order = new int[trajectories][];
        for (var t = 0; t < trajectories; t++)
        {
            var stream = RandomStream.FromKey(StreamKeys.MorrisTrajectory(seed, t));
            _startLevels[t] = new int[parameters];
            for (var i = 0; i < parameters; i++)
            {
                _startLevels[t][i] = stream.NextInt(levels / 2);
            }

            _up[t] = new bool[parameters];
            for (var i = 0; i < parameters; i++)
            {
                _up[t][i] = stream.NextInt(2) == 1;
            }

            var order = Enumerable.Range(0, parameters).ToArray();
            for (var i = parameters - 1; i > 0; i--)
            {
                var j = stream.NextInt(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }

            _order[t] = order;
        }
    }

    /// <summary>r, the number of trajectories.</summary>
    public int Trajectories { get; }

    /// <summary>k, the number of uncertain parameters.</summary>
    public int Parameters { get; }

    /// <summary>p, the number of levels of each parameter.</summary>
    public int Levels { get; }

    public ulong Seed { get; }

    /// <summary>The step, p / (2 (p - 1)), in the scaled range [0, 1].</summary>
    public double Delta => Levels / (2.0 * (Levels - 1));

    /// <summary>Points per trajectory, k + 1.</summary>
    public int PointsPerTrajectory => Parameters + 1;

    /// <summary>r (k + 1), the number of model runs.</summary>
    public int PointCount => Trajectories * PointsPerTrajectory;

    /// <summary>The parameter (0-based) that step <paramref name="step"/> (1..k) of trajectory <paramref name="trajectory"/> changes.</summary>
    public int ParameterChangedAt(int trajectory, int step) => _order[trajectory][step - 1];

    /// <summary>Whether the trajectory moves the parameter up by delta (else down).</summary>
    public bool MovesUp(int trajectory, int parameter) => _up[trajectory][parameter];

    /// <summary>All <see cref="PointCount"/> points in [0, 1]^k, every coordinate a level i / (p - 1).</summary>
    public double[][] Points()
    {
        var k = Parameters;
        var half = Levels / 2;
        var points = new double[PointCount][];
        for (var t = 0; t < Trajectories; t++)
        {
            // Levels as integers, so every coordinate is exactly the grid value i / (p - 1).
            var level = new int[k];
            for (var i = 0; i < k; i++)
            {
                level[i] = _startLevels[t][i] + (_up[t][i] ? 0 : half);
            }

            points[t * PointsPerTrajectory] = ToPoint(level);
            for (var step = 1; step <= k; step++)
            {
                var i = ParameterChangedAt(t, step);
                level[i] += _up[t][i] ? half : -half;
                points[(t * PointsPerTrajectory) + step] = ToPoint(level);
            }
        }

        return points;
    }

    private double[] ToPoint(int[] level) => [.. level.Select(l => l / (double)(Levels - 1))];
}
