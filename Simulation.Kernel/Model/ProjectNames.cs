using System.Globalization;

namespace IsdnSim.Kernel.Model;

/// <summary>
/// Names projects as the result files, traces and telemetry show them: <c>&lt;owner&gt;/&lt;process&gt;/&lt;n&gt;</c> for
/// the n-th project of a process at its municipality, <c>&lt;owner&gt;/&lt;process&gt;/&lt;shock id&gt;</c>
/// for one a law obliged it to start (docs/trace-format.md).
/// </summary>
public sealed class ProjectNames(SimulationModel model)
{
    private readonly string[][] _prefixes = [.. model.Agents.Select(a => model.Processes.Select(p => $"{a.Id}/{p.Id}/").ToArray())];

    public string Of(ProjectId id) =>
        _prefixes[id.Owner][id.Process] + (id.Serial >= 0 ? id.Serial.ToString(CultureInfo.InvariantCulture) : model.Definition.Shocks[id.Shock].Id);

    /// <summary>The name <see cref="Of"/> gives, written into <paramref name="destination"/> without a string: projects.csv names a million projects.</summary>
    public bool TryFormat(ProjectId id, Span<char> destination, out int written)
    {
        written = 0;
        var prefix = _prefixes[id.Owner][id.Process];
        if (!prefix.AsSpan().TryCopyTo(destination))
        {
            return false;
        }

        var rest = destination[prefix.Length..];
        int n;
        if (id.Serial >= 0)
        {
            if (!id.Serial.TryFormat(rest, out n, default, CultureInfo.InvariantCulture))
            {
                return false;
            }
        }
        else
        {
            var shock = model.Definition.Shocks[id.Shock].Id;
            if (!shock.AsSpan().TryCopyTo(rest))
            {
                return false;
            }

            n = shock.Length;
        }

        written = prefix.Length + n;
        return true;
    }
}
