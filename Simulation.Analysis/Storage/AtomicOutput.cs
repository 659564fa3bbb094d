namespace IsdnSim.Analysis.Storage;

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

    /// <summary>Why results cannot go to <paramref name="directory"/>, or null if they can: checked before anything is simulated.</summary>
    public static string? CheckTarget(string directory)
    {
        if (CheckWritable(directory) is { } problem)
        {
            return problem;
        }

        var full = Path.GetFullPath(directory);
        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any())
        {
            return $"output folder '{directory}' already exists and is not empty; choose another with --out, or remove it";
        }

        return null;
    }

    /// <summary>
    /// Why a folder cannot be made and written at <paramref name="directory"/>, or null: the path
    /// must be valid, no part of it a file, and the deepest folder of it that exists must take a
    /// new file (tried, then removed), so a run never computes for hours into a folder it cannot write.
    /// </summary>
    public static string? CheckWritable(string directory)
    {
        string full;
        try
        {
            full = Path.GetFullPath(directory);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"output folder: not a valid path ({e.Message})";
        }

        var existing = full;
        while (!Directory.Exists(existing))
        {
            if (File.Exists(existing))
            {
                return existing == full
                    ? $"output folder '{directory}' is a file"
                    : $"output folder '{directory}' cannot be made: '{existing}' is a file";
            }

            existing = Path.GetDirectoryName(existing);
            if (existing is null)
            {
                return $"output folder '{directory}' cannot be made: none of its parent folders exists";
            }
        }

        var probe = Path.Combine(existing, $".isdnsim-write-test-{Guid.NewGuid():N}");
        try
        {
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }

            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot write the output folder '{directory}': '{existing}' does not take new files ({e.Message})";
        }
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
        RemoveStale(parent, Path.GetFileName(full));
        var staging = Path.Combine(parent, $"{StagingPrefix(Path.GetFileName(full))}{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        return new AtomicOutput(full, staging);
    }

    private static string StagingPrefix(string name) => $".{name}.partial-";

    /// <summary>
    /// Removes staging folders for <paramref name="name"/> left by a process that was killed while
    /// it wrote: those whose process is gone (the process id is part of the name). Their results
    /// were never complete, so nothing a user could read is lost.
    /// </summary>
    public static int RemoveStale(string parent, string name)
    {
        var removed = 0;
        if (!Directory.Exists(parent))
        {
            return removed;
        }

        var prefix = StagingPrefix(name);
        foreach (var folder in Directory.EnumerateDirectories(parent, prefix + "*"))
        {
            var rest = Path.GetFileName(folder)[prefix.Length..];
            var dash = rest.IndexOf('-');
            if (dash > 0 && int.TryParse(rest[..dash], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid) && IsRunning(pid))
            {
                continue;
            }

            try
            {
                Directory.Delete(folder, recursive: true);
                removed++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Someone else's, or in use: leave it.
            }
        }

        return removed;
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return true;
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
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
