using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using IsdnSim.Core.Output;
using IsdnSim.Core.Scenario;

namespace IsdnSim.Core.Experiments;

/// <summary>
/// The folder of an experiment while it runs and after: experiment.json (the plan), scenario.yaml
/// (the scenario text as run), one file per finished replication under replications/, and the
/// results once it is complete. Every file is written to a temporary name and renamed, so an
/// interruption at any moment leaves a folder that can be resumed, and nothing half-written.
/// </summary>
public sealed class ExperimentStore
{
    public const string PlanFile = "experiment.json";
    public const string ScenarioCopy = "scenario.yaml";
    private const string ReplicationsFolder = "replications";

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

        // Names and descriptions stay readable (Federführung, not Federf\u00FChrung); these files are never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    private static readonly JsonSerializerOptions CompactJson = new(Json) { WriteIndented = false };

    private ExperimentStore(string directory, ExperimentPlan plan, string scenarioText)
    {
        Directory = directory;
        Plan = plan;
        ScenarioText = scenarioText;
    }

    public string Directory { get; }

    public ExperimentPlan Plan { get; }

    public string ScenarioText { get; }

    /// <summary>Why a new experiment cannot go to <paramref name="directory"/>, or null if it can (it must not exist, or be empty).</summary>
    public static string? CheckNew(string directory)
    {
        var full = Path.GetFullPath(directory);
        if (File.Exists(full))
        {
            return $"output folder '{directory}' is a file";
        }

        return System.IO.Directory.Exists(full) && System.IO.Directory.EnumerateFileSystemEntries(full).Any()
            ? $"output folder '{directory}' already exists and is not empty; choose another with --out, or continue an interrupted experiment with --resume {directory}"
            : null;
    }

    public static ExperimentStore Create(string directory, ExperimentPlan plan, string scenarioText)
    {
        if (CheckNew(directory) is { } problem)
        {
            throw new IOException(problem);
        }

        var full = Path.GetFullPath(directory);
        System.IO.Directory.CreateDirectory(Path.Combine(full, ReplicationsFolder));
        var store = new ExperimentStore(full, plan, scenarioText);
        store.WriteText(PlanFile, JsonSerializer.Serialize(plan, Json));
        store.WriteText(ScenarioCopy, scenarioText);
        return store;
    }

    /// <summary>Opens an experiment folder to resume it; throws <see cref="InvalidDataException"/> with a message for the user if it is not one.</summary>
    public static ExperimentStore Open(string directory)
    {
        var full = Path.GetFullPath(directory);
        var planPath = Path.Combine(full, PlanFile);
        var scenarioPath = Path.Combine(full, ScenarioCopy);
        if (!File.Exists(planPath) || !File.Exists(scenarioPath))
        {
            throw new InvalidDataException(File.Exists(planPath)
                ? $"'{directory}' was interrupted while it was being created (it has {PlanFile} but no {ScenarioCopy}); nothing was run in it: remove it and start again"
                : $"'{directory}' is not an experiment folder: it has no {PlanFile}");
        }

        ExperimentPlan plan;
        try
        {
            plan = JsonSerializer.Deserialize<ExperimentPlan>(File.ReadAllText(planPath), Json)
                   ?? throw new InvalidDataException($"{planPath}: empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{planPath}: not a plan this version can read ({e.Message})");
        }

        var text = File.ReadAllText(scenarioPath);
        if (ScenarioLoader.Hash(text) != plan.ScenarioHash)
        {
            throw new InvalidDataException($"{scenarioPath} was changed since the experiment started (its hash differs from {PlanFile}); start a new experiment instead");
        }

        return new ExperimentStore(full, plan, text);
    }

    /// <summary>
    /// The replications finished so far, by (cell, replication). A file that cannot be read, or
    /// does not hold what its name says, is set aside (renamed *.unreadable) and reported in
    /// <paramref name="problems"/>: its replication is simply computed again.
    /// </summary>
    public Dictionary<(string Cell, int Replication), ReplicationDigest> LoadFinished(List<string>? problems = null)
    {
        var finished = new Dictionary<(string, int), ReplicationDigest>();
        var root = Path.Combine(Directory, ReplicationsFolder);
        if (!System.IO.Directory.Exists(root))
        {
            return finished;
        }

        foreach (var file in System.IO.Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var problem = Read(file, out var digest);
            if (problem is null)
            {
                finished[(digest!.Cell, digest.Replication)] = digest;
                continue;
            }

            File.Move(file, file + ".unreadable", overwrite: true);
            problems?.Add($"{file}: {problem}; set aside as {Path.GetFileName(file)}.unreadable, the replication is computed again");
        }

        return finished;
    }

    private string? Read(string file, out ReplicationDigest? digest)
    {
        digest = null;
        try
        {
            digest = JsonSerializer.Deserialize<ReplicationDigest>(File.ReadAllText(file), CompactJson);
        }
        catch (JsonException e)
        {
            return $"not a replication file ({e.Message})";
        }

        var cell = Path.GetFileName(Path.GetDirectoryName(file)!);
        var name = Path.GetFileNameWithoutExtension(file);
        if (digest is null || digest.Cell != cell || digest.Replication.ToString("D5", System.Globalization.CultureInfo.InvariantCulture) != name
            || digest.Metrics is null || digest.LeadTimePercentiles is null || digest.Agencies is null || digest.Deadlines is null)
        {
            return "it does not hold the replication its name says";
        }

        return Plan.MetricKeys.Count > 0 && digest.Metrics.Length != Plan.MetricKeys.Count
            ? $"it holds {digest.Metrics.Length} metrics, the plan {Plan.MetricKeys.Count}"
            : null;
    }

    /// <summary>Stores a finished replication; safe to call from several threads for different replications.</summary>
    public void Save(ReplicationDigest digest)
    {
        var folder = Path.Combine(Directory, ReplicationsFolder, digest.Cell);
        System.IO.Directory.CreateDirectory(folder);
        AtomicOutput.WriteFile(Path.Combine(folder, $"{digest.Replication:D5}.json"), JsonSerializer.Serialize(digest, CompactJson));
    }

    public string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>Writes a result file under the experiment folder, all or nothing.</summary>
    public void WriteText(string name, string text)
    {
        var path = PathOf(name);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicOutput.WriteFile(path, text);
    }
}
