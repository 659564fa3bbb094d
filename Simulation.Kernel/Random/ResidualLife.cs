namespace IsdnSim.Kernel.Random;

/// <summary>
/// The time still to run of a spell that is under way at a moment chosen without regard to the
/// spells: the residual life, whose density is (1 - F(x)) / mean (the equilibrium distribution of
/// renewal theory). Drawn as U times a length-biased draw (density x f(x) / mean): a moment falls
/// into a spell with probability proportional to its length, and anywhere inside it. Used to
/// start a process in its long-run state. Its mean is E[X²] / (2 E[X]).
/// </summary>
public static class ResidualLife
{
    public static double Sample(Distribution length, ref RandomStream stream)
    {
        var biased = LengthBiased(length, ref stream);
        return stream.NextDouble() * biased;
    }

    /// <summary>A draw with density x f(x) / mean: of spells that cover a random moment, the one covering it.</summary>
    public static double LengthBiased(Distribution length, ref RandomStream stream)
    {
        switch (length)
        {
            case ConstantDistribution c:
                return c.Value;
            case ExponentialDistribution e:
                // Gamma(2, mean): the sum of two exponential draws.
                return -e.Mean * (Math.Log(stream.NextOpenDouble()) + Math.Log(stream.NextOpenDouble()));
            case LognormalDistribution l:
            {
                // Length-biasing a lognormal(mu, sigma) shifts mu by sigma^2: mu + sigma^2 = ln(mean) + sigma^2 / 2.
                var variance = Math.Log(1 + l.StandardDeviation * l.StandardDeviation / (l.Mean * l.Mean));
                var u1 = stream.NextOpenDouble();
                var u2 = stream.NextDouble();
                var z = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
                return Math.Exp(Math.Log(l.Mean) + variance / 2 + Math.Sqrt(variance) * z);
            }

            case UniformDistribution u:
                // Density proportional to x on [min, max]: the inverse of F(x) = (x² - min²) / (max² - min²).
                return Math.Sqrt(u.Min * u.Min + stream.NextDouble() * (u.Max * u.Max - u.Min * u.Min));
            case TriangularDistribution t:
                // Accept a draw x with probability x / max (max > 0, as min < max and min >= 0).
                while (true)
                {
                    var x = t.Sample(ref stream);
                    if (stream.NextDouble() * t.Max < x)
                    {
                        return x;
                    }
                }

            case EmpiricalDistribution d:
            {
                // Each value with probability proportional to itself.
                var total = d.Values.Sum();
                if (total <= 0)
                {
                    return 0;
                }

                var target = stream.NextDouble() * total;
                var sum = 0.0;
                foreach (var v in d.Values)
                {
                    sum += v;
                    if (target < sum)
                    {
                        return v;
                    }
                }

                return d.Values[^1];
            }

            default:
                throw new InvalidOperationException($"No length-biased draw for {length.Describe()}.");
        }
    }
}
