namespace IsdnSim.Kernel.Model;

/// <summary>Arithmetic of things that happen every so often: council sessions, working-group meetings.</summary>
public static class Sessions
{
    /// <summary>The first of first, first + every, first + 2 every, ... that is at or after <paramref name="t"/>.</summary>
    public static double Next(double first, double every, double t)
    {
        if (t <= first)
        {
            return first;
        }

        var k = Math.Ceiling((t - first) / every);
        var next = first + k * every;
        return next < t ? first + (k + 1) * every : next; // guard against rounding just below t
    }
}
