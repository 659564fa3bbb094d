using System.Reflection;
using System.Text.Json.Nodes;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Cli;

/// <summary>
/// The command line's runtime settings (garbage collector, JIT tiers, W^X) are set in
/// Simulation.Runner.csproj, where each was chosen by pairs of measured process runs (BENCHMARKS.md,
/// "Runtime settings of the command line, fifth round", for the collector "The garbage collector
/// in a Germany replication", eleventh round, for W^X "W^X and the embedded silo's stop",
/// thirteenth round, and for dynamic PGO "Dynamic PGO off", eighteenth round). The build writes them into
/// isdnsim.runtimeconfig.json, the only place the runtime reads them from for an app started as
/// <c>isdnsim</c> or <c>dotnet isdnsim.dll</c>. A setting dropped from, or added to, the project
/// without a measurement fails here.
/// </summary>
public sealed class RuntimeSettingsTests
{
    /// <summary>The runtime knobs the command runs with, as the runtime reads them from runtimeconfig.json.</summary>
    public static readonly IReadOnlyDictionary<string, string> Chosen = new Dictionary<string, string>
    {
        ["System.GC.Concurrent"] = "false",
        ["System.GC.Server"] = "true",
        ["System.Runtime.EnableWriteXorExecute"] = "false",
        ["System.Runtime.TieredPGO"] = "false",
    };

    [Fact]
    public void TheBuiltCommand_CarriesTheMeasuredRuntimeSettings()
    {
        var configuration = typeof(RuntimeSettingsTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var file = Path.Combine(Repository.Root, "Simulation.Runner", "bin", configuration, "net10.0", "isdnsim.runtimeconfig.json");

        RuntimeKnobs(file).Should().BeEquivalentTo(Chosen);
    }

    /// <summary>
    /// The garbage collector's, the JIT's and the executable memory's settings among a
    /// runtimeconfig.json's configProperties (System.GC.*, System.Runtime.Tiered*,
    /// System.Runtime.EnableWriteXorExecute), their values as JSON text.
    /// </summary>
    public static IReadOnlyDictionary<string, string> RuntimeKnobs(string runtimeConfigFile)
    {
        var properties = JsonNode.Parse(File.ReadAllText(runtimeConfigFile))!["runtimeOptions"]!["configProperties"]!.AsObject();
        return properties
            .Where(p => p.Key.StartsWith("System.GC.", StringComparison.Ordinal) || p.Key.StartsWith("System.Runtime.Tiered", StringComparison.Ordinal)
                        || p.Key == "System.Runtime.EnableWriteXorExecute")
            .ToDictionary(p => p.Key, p => p.Value!.ToJsonString());
    }
}
