namespace IsdnSim.Analysis.Sensitivity;

/// <summary>Checks shared by the estimators: one finite output per design point.</summary>
internal static class DesignOutputs
{
    public static void CheckFinite(IReadOnlyList<double> outputs, int expected, string design)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        if (outputs.Count != expected)
        {
            throw new ArgumentException($"The {design} has {expected} points, but {outputs.Count} outputs were given.", nameof(outputs));
        }

        for (var p = 0; p < outputs.Count; p++)
        {
            if (!double.IsFinite(outputs[p]))
            {
                throw new ArgumentException($"The output at point {p} of the {design} is {outputs[p]}; every output must be a finite number.", nameof(outputs));
            }
        }
    }
}
