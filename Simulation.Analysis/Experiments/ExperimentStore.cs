using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using IsdnSim.Analysis.Storage;
using IsdnSim.Scenario.Diagnostics;
using IsdnSim.Scenario.Language;

namespace IsdnSim.Analysis.Experiments;

/// <summary>
/// The folder of an experiment while it runs and after: experiment.json (the plan), scenario.yaml
/// (the scenario text as run), one file per finished replication under replications/, and the
/// results once it is complete. Every file is written to a temporary name and renamed, so an
/// interruption at any moment leaves a folder that can be resumed, and nothing half-written.
/// The plan and every replication file carry a checksum of their content (<see cref="SealedJson"/>),
/// and a replication file what it is a replication of, so that an edited or misplaced file is
/// noticed when the experiment is resumed instead of changing its results.
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
        if (AtomicOutput.CheckWritable(directory) is { } unwritable)
        {
            return unwritable;
        }

        var full = Path.GetFullPath(directory);
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
        store.WriteText(PlanFile, SealedJson.Write(plan, Json));
        store.WriteText(ScenarioCopy, scenarioText);
        return store;
    }

    /// <summary>
    /// Opens an experiment folder to resume it; throws <see cref="InvalidDataException"/> with a
    /// message for the user if it is not one, or if its plan was edited since it started. A plan
    /// written by an earlier version has no checksum: it is taken as it is, with a warning in
    /// <paramref name="warnings"/> (its replications have none either, so all are computed again).
    /// </summary>
    public static ExperimentStore Open(string directory, List<string>? warnings = null)
    {
        var full = Path.GetFullPath(directory);
        var planPath = Path.Combine(full, PlanFile);
        var scenarioPath = Path.Combine(full, ScenarioCopy);
        if (!System.IO.Directory.Exists(full))
        {
            throw new InvalidDataException($"'{directory}' does not exist{MissingFile.FolderHint(directory)}");
        }

        if (!File.Exists(planPath) || !File.Exists(scenarioPath))
        {
            throw new InvalidDataException(File.Exists(planPath)
                ? $"'{directory}' was interrupted while it was being created (it has {PlanFile} but no {ScenarioCopy}); nothing was run in it: remove it and start again"
                : $"'{directory}' is not an experiment folder: it has no {PlanFile}");
        }

        ExperimentPlan plan;
        try
        {
            var node = SealedJson.Parse(File.ReadAllText(planPath)) ?? throw new JsonException("not a JSON object");
            if (!node.ContainsKey(SealedJson.Field))
            {
                warnings?.Add($"{planPath} has no checksum (an earlier version of isdnsim wrote it), so an edit to it cannot be detected; it is taken as it is");
            }
            else if (SealedJson.Problem(node) is not null)
            {
                throw new InvalidDataException(
                    $"{planPath} was edited since the experiment started (its checksum does not match its content). Its replications were computed " +
                    "for the plan as it was; resuming with the edited one (another seed, say) would mix replications of two experiments: start a new experiment instead");
            }

            plan = node.Deserialize<ExperimentPlan>(Json) ?? throw new JsonException("empty");
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

    /// <summary>Replication files in the folder, unchecked; after <see cref="LoadFinished"/>, the replications it holds.</summary>
    public int Stored()
    {
        var root = Path.Combine(Directory, ReplicationsFolder);
        return System.IO.Directory.Exists(root) ? System.IO.Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories).Count() : 0;
    }

    /// <summary>
    /// The replications of <paramref name="experiment"/> finished so far, by (cell, replication).
    /// A file that cannot be read is set aside as *.unreadable; one that can but is not verifiably
    /// a replication of this experiment (no checksum, or one that does not match its content;
    /// another name, cell, scenario, seed or set of metrics than the experiment's) as *.rejected.
    /// Each is reported in <paramref name="problems"/>, one line per file, and its replication is
    /// simply computed again: a replication is a pure function of the scenario, cell, seed and
    /// index, so that gives the true figures.
    /// </summary>
    public Dictionary<(string Cell, int Replication), ReplicationDigest> LoadFinished(IExperiment experiment, List<string>? problems = null)
    {
        var finished = new Dictionary<(string, int), ReplicationDigest>();
        var root = Path.Combine(Directory, ReplicationsFolder);
        if (!System.IO.Directory.Exists(root))
        {
            return finished;
        }

        var cells = experiment.Cells.ToDictionary(c => c.Id);
        foreach (var file in System.IO.Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var (problem, suffix) = Read(file, experiment.Plan, cells, out var digest);
            if (problem is null)
            {
                finished[(digest!.Cell, digest.Replication)] = digest;
                continue;
            }

            File.Move(file, $"{file}.{suffix}", overwrite: true);
            problems?.Add($"{file}: {problem}; set aside as {Path.GetFileName(file)}.{suffix}, the replication is computed again");
        }

        return finished;
    }

    private static (string? Problem, string Suffix) Read(string file, ExperimentPlan plan, Dictionary<string, ExperimentCell> cells, out ReplicationDigest? digest)
    {
        const string unreadable = "unreadable";
        const string rejected = "rejected";
        digest = null;
        StoredReplication? stored;
        try
        {
            if (SealedJson.Parse(File.ReadAllText(file)) is not { } node)
            {
                return ("not a replication file (not a JSON object)", unreadable);
            }

            if (SealedJson.Problem(node) is { } problem)
            {
                return (problem, rejected);
            }

            stored = node.Deserialize<StoredReplication>(CompactJson);
        }
        catch (JsonException e)
        {
            return ($"not a replication file ({e.Message})", unreadable);
        }

        digest = stored?.Digest;
        if (stored?.ScenarioHash is null || digest is null || digest.Cell is null
            || digest.Metrics is null || digest.LeadTimePercentiles is null || digest.Agencies is null || digest.Deadlines is null)
        {
            return ("not a replication file (fields are missing)", unreadable);
        }

        var cell = Path.GetFileName(Path.GetDirectoryName(file)!);
        var name = Path.GetFileNameWithoutExtension(file);
        if (digest.Cell != cell || digest.Replication.ToString("D5", System.Globalization.CultureInfo.InvariantCulture) != name)
        {
            return ($"it does not hold the replication its name says (it holds replication {digest.Replication} of {digest.Cell})", rejected);
        }

        if (!cells.TryGetValue(cell, out var expected))
        {
            return ($"this experiment has no variant or point '{cell}'", rejected);
        }

        if (stored.ScenarioHash != plan.ScenarioHash)
        {
            return ($"it was computed for another scenario (hash {stored.ScenarioHash}, the experiment's is {plan.ScenarioHash})", rejected);
        }

        if (stored.Seed != expected.Seed)
        {
            return ($"it was computed with seed {stored.Seed}, the experiment's seed is {expected.Seed}", rejected);
        }

        if (plan.Calibration is not null && digest.Observed is null)
        {
            return ("it holds no simulated counterparts of the observed statistics, which a calibration needs", rejected);
        }

        return plan.MetricKeys.Count > 0 && digest.Metrics.Length != plan.MetricKeys.Count
            ? ($"it holds {digest.Metrics.Length} metrics, the plan {plan.MetricKeys.Count}", rejected)
            : (null, "");
    }

    /// <summary>
    /// Stores a finished replication, computed with <paramref name="seed"/>, with what it is a
    /// replication of and its checksum; safe to call from several threads for different replications.
    /// </summary>
    public void Save(ReplicationDigest digest, ulong seed)
    {
        var folder = Path.Combine(Directory, ReplicationsFolder, digest.Cell);
        System.IO.Directory.CreateDirectory(folder);
        var stored = new StoredReplication(StoredReplication.CurrentFormat, Plan.ScenarioHash, seed, ProgramVersion.Build, digest);
        AtomicOutput.WriteFile(Path.Combine(folder, $"{digest.Replication:D5}.json"), SealedJson.Write(stored, CompactJson));
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
