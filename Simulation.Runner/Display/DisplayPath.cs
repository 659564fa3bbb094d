namespace IsdnSim.Runner.Display;

/// <summary>
/// How every command prints a path it wrote or reads back: relative to the current folder when
/// the path lies inside it (results/rural-district-20261130-101500), absolute otherwise
/// (/tmp/out), whether the user typed it relative, absolute, or not at all. So the folder a run
/// names and the folder a comparison names look alike, and either can be pasted into the next command.
/// </summary>
public static class DisplayPath
{
    public static string Of(string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), full);
        return relative == "." || relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? full
            : relative;
    }
}
