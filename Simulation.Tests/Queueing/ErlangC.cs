namespace IsdnSim.Tests.Queueing;

/// <summary>Textbook M/M/c results, written independently of the simulator to check it.</summary>
public static class ErlangC
{
    /// <summary>Probability that an arrival has to wait (Erlang's C formula).</summary>
    public static double WaitProbability(int c, double lambda, double mu)
    {
        var a = lambda / mu;
        var rho = a / c;
        double term = 1, sum = 1; // k = 0
        for (var k = 1; k < c; k++)
        {
            term *= a / k;
            sum += term;
        }

        var last = term * a / c / (1 - rho); // a^c / c! / (1 - rho)
        return last / (sum + last);
    }

    /// <summary>Mean waiting time in the queue, Wq = C(c, a) / (c mu - lambda).</summary>
    public static double MeanWait(int c, double lambda, double mu) => WaitProbability(c, lambda, mu) / (c * mu - lambda);
}
