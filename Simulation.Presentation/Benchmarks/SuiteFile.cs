using System.Text.Json;
using IsdnSim.Analysis.Storage;

namespace IsdnSim.Presentation.Benchmarks;

/// <summary>benchmarks/suite.json: the figures of the last written run of the suite, the "previous" column of the next.</summary>
public static class SuiteFile
{
    /// <summary>The figures in <paramref name="path"/>, or null when there is no such file.</summary>
    public static SuiteFigures? Read(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllText(path), SuiteJson.Default.SuiteFigures) : null;

    public static string Serialize(SuiteFigures figures) => JsonSerializer.Serialize(figures, SuiteJson.Default.SuiteFigures) + "\n";

    /// <summary>Writes the figures all or nothing (a temporary file renamed into place).</summary>
    public static void Write(string path, SuiteFigures figures)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        AtomicOutput.WriteFile(path, Serialize(figures));
    }
}
