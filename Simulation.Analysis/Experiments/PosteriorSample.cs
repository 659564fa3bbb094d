using IsdnSim.Scenario.Diagnostics;
using IsdnSim.Scenario.Language;

namespace IsdnSim.Analysis.Experiments;

/// <summary>
/// The worlds a calibration accepted, to run a sensitivity design over them
/// (<c>sensitivity --from-posterior DIR</c>): the calibration's folder, the ranges it sampled (the
/// scenario's own or its --uncertain text), the size of its Sobol' sample and which of its points
/// ABC accepted, closest first, as <c>accepted.csv</c> lists them. The points themselves are
/// generated again from the sample's size, so their values are the calibration's to the bit.
/// </summary>
public sealed record PosteriorSample(
    string Folder,
    int Samples,
    IReadOnlyList<string> Parameters,
    IReadOnlyList<int> Accepted,
    string? UncertainFile,
    string? UncertainText)
{
    public const string AcceptedFile = "accepted.csv";

    /// <summary>
    /// The accepted worlds of the calibration in <paramref name="folder"/>, which must have calibrated
    /// <paramref name="scenario"/>'s very text; throws <see cref="ExperimentRequestException"/> saying what is wrong.
    /// </summary>
    public static PosteriorSample Load(string folder, LoadedScenario scenario)
    {
        ExperimentStore store;
        try
        {
            store = ExperimentStore.Open(folder);
        }
        catch (InvalidDataException e)
        {
            throw new ExperimentRequestException($"--from-posterior: {e.Message}");
        }

        var plan = store.Plan;
        if (plan.Calibration is not { } calibration)
        {
            throw new ExperimentRequestException($"--from-posterior: '{folder}' holds a {plan.Kind} experiment, not a calibration (isdnsim calibrate writes one)");
        }

        if (plan.ScenarioHash != scenario.Hash)
        {
            throw new ExperimentRequestException(
                $"--from-posterior: '{folder}' calibrated another text of the scenario than {scenario.File} (their hashes differ); its worlds are worlds of that text. Calibrate this one, or run the sensitivity on {Path.Combine(folder, ExperimentStore.ScenarioCopy)}");
        }

        var path = store.PathOf(AcceptedFile);
        if (!File.Exists(path))
        {
            throw new ExperimentRequestException($"--from-posterior: '{folder}' has no {AcceptedFile}: the calibration has not finished (resume it with isdnsim calibrate --resume {folder})");
        }

        var accepted = ReadAccepted(path, calibration.Samples);
        if (accepted.Count == 0)
        {
            throw new ExperimentRequestException(
                $"--from-posterior: no world of the calibration in '{folder}' reproduces the observed data (see its fit.csv), so there is no posterior to run over");
        }

        return new PosteriorSample(folder, calibration.Samples, calibration.Parameters, accepted, calibration.UncertainFile, calibration.UncertainText);
    }

    /// <summary>The scenario with the ranges the calibration sampled (its --uncertain text in place of the scenario's own section, if it had one).</summary>
    public LoadedScenario WithRanges(LoadedScenario scenario)
    {
        if (UncertainText is not { } text)
        {
            return scenario;
        }

        try
        {
            return UncertainLoader.WithText(scenario, text, UncertainFile ?? "uncertain.yaml");
        }
        catch (ScenarioException e)
        {
            throw new ExperimentRequestException($"--from-posterior: the ranges '{Folder}' kept do not fit the scenario: {string.Join("; ", e.Diagnostics.Select(d => d.ToString()))}");
        }
    }

    /// <summary>The point numbers of accepted.csv's first column (p17: point 17 of the calibration's sample), in its order.</summary>
    private static List<int> ReadAccepted(string path, int samples)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || !lines[0].StartsWith("point,", StringComparison.Ordinal))
        {
            throw new ExperimentRequestException($"{path}:1:1: expected the header of accepted.csv, starting with 'point,'");
        }

        var points = new List<int>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            var first = lines[i].Split(',', 2)[0];
            if (!first.StartsWith('p') || !int.TryParse(first.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var point) || point >= samples)
            {
                throw new ExperimentRequestException($"{path}:{i + 1}:1: expected a point of the calibration's sample, p0 to p{samples - 1}, found '{first}'");
            }

            points.Add(point);
        }

        return points;
    }
}
