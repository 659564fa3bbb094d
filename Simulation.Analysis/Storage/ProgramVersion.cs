using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using IsdnSim.Kernel.Model;
using IsdnSim.Scenario.Language;

namespace IsdnSim.Analysis.Storage;

/// <summary>
/// Which isdnsim wrote a file: the release (<see cref="Text"/>, in manifests, traces, reports and
/// telemetry) and the build of the code that decides a result (<see cref="Build"/>, in an
/// experiment's stored replications). One home, so every file says the same.
/// </summary>
public static class ProgramVersion
{
    /// <summary>The release, e.g. 0.1.0, without the source revision the SDK appends.</summary>
    public static string Text { get; } =
        typeof(ProgramVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>
    /// The git commit the program was built from, when it was built in a clone (the SDK appends it
    /// to the informational version as +SHA); null otherwise. Changes not committed at build time
    /// are not in it.
    /// </summary>
    public static string? Commit { get; } =
        typeof(ProgramVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+') is [_, var revision]
        && revision.Length >= 7 && revision.All(char.IsAsciiHexDigit)
            ? revision.ToLowerInvariant()
            : null;

    /// <summary>
    /// This build of IsdnSim's simulation code: the identity of the modules that decide a result
    /// (kernel, scenario language, analysis), so a change in any of them counts as another build.
    /// </summary>
    public static string Build { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|',
        new[] { typeof(SimulationModel), typeof(ScenarioLoader), typeof(ProgramVersion) }
            .Select(t => t.Assembly.ManifestModule.ModuleVersionId.ToString("N"))))))[..12];
}
