namespace IsdnSim.Core.Output;

/// <summary>
/// Writes a result folder so that a reader never sees half of it: files go to a hidden staging
/// folder beside the target, which is renamed into place when complete. An existing, non-empty
/// folder is never overwritten, so earlier results cannot be lost.
/// </summary>
public sealed class AtomicOutput : IDisposable
{
    private readonly string _target;
    private bool _committed;

    private AtomicOutput(string target, string staging)
    {
        _target = target;
        StagingDirectory = staging;
    }

    public string StagingDirectory { get; }

    /// <summary>Why results cannot go to <paramref name="directory"/>, or null if they can.</summary>
    public static string? CheckTarget(string directory)
    {
        var full = Path.GetFullPath(directory);
        if (File.Exists(full))
        {
            return $"output folder '{directory}' is a file";
        }

        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any())
        {
            return $"output folder '{directory}' already exists and is not empty; choose another with --out, or remove it";
        }

        return null;
    }

    public static AtomicOutput Begin(string directory)
    {
        if (CheckTarget(directory) is { } problem)
        {
            throw new IOException(problem);
        }

        var full = Path.GetFullPath(directory);
        var parent = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(full)}.partial-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        return new AtomicOutput(full, staging);
    }

    public string PathOf(string fileName) => Path.Combine(StagingDirectory, fileName);

    /// <summary>Writes one file all or nothing: to a temporary name beside <paramref name="path"/>, then renamed into place (replacing it).</summary>
    public static void WriteFile(string path, string text) => WriteFile(path, w => w.Write(text));

    /// <inheritdoc cref="WriteFile(string, string)"/>
    public static void WriteFile(string path, Action<TextWriter> write)
    {
        var temp = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var writer = new StreamWriter(temp, false, new System.Text.UTF8Encoding(false)))
            {
                write(writer);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    public void Commit()
    {
        if (Directory.Exists(_target))
        {
            // An empty folder the user made beforehand: move the files in one by one, each a rename.
            foreach (var file in Directory.EnumerateFiles(StagingDirectory))
            {
                File.Move(file, Path.Combine(_target, Path.GetFileName(file)));
            }

            Directory.Delete(StagingDirectory);
        }
        else
        {
            Directory.Move(StagingDirectory, _target);
        }

        _committed = true;
    }

    public void Dispose()
    {
        if (!_committed && Directory.Exists(StagingDirectory))
        {
            Directory.Delete(StagingDirectory, recursive: true);
        }
    }
}
