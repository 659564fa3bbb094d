namespace IsdnSim.Presentation.Output;

/// <summary>What one command's result folder is (<see cref="Command"/>: run, compare, sweep, sensitivity, calibrate, check) and every file it may hold.</summary>
public sealed record ResultFolder(string Command, string Title, string Description, IReadOnlyList<ResultFile> Files)
{
    /// <summary>The description of <paramref name="name"/> (a file, or a folder ending in '/'), or null if the folder has no such file.</summary>
    public ResultFile? File(string name) => Files.FirstOrDefault(f => f.Name == name);
}
