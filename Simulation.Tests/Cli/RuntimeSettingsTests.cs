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
/// <c>isdnsim</c> or <c>dotnet isdnsim.dll</c>. The options its Release build gives the ReadyToRun
/// compiler are set there too ("Precompiled framework code", twenty-second round). A setting dropped
/// from, or added to, the project without a measurement fails here.
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
    /// The options a Release build gives crossgen2 for its ReadyToRun images, by the machine's runtime
    /// identifier: the framework's code that the project's code inlines or instantiates over its own
    /// types is precompiled into the project's images (cross-module inlining and generics), and on x64
    /// Linux and Windows the images assume AVX2, so that vectorised code is precompiled instead of
    /// rejected at its first call (BENCHMARKS.md, "Precompiled framework code", twenty-second round;
    /// measured on linux-x64 only). A machine not listed has no ReadyToRun build.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> CrossgenOptions = new Dictionary<string, string>
    {
        ["linux-x64"] = WithAvx2,
        ["linux-musl-x64"] = WithAvx2,
        ["win-x64"] = WithAvx2,
        ["osx-x64"] = CrossModule,
        ["linux-arm64"] = CrossModule,
        ["linux-musl-arm64"] = CrossModule,
        ["osx-arm64"] = CrossModule,
        ["win-arm64"] = CrossModule,
    };

    private const string CrossModule = "--opt-cross-module:*;--non-local-generics-module:*";
    private const string WithAvx2 = "--instruction-set:x86-64-v3;" + CrossModule;

    /// <summary>
    /// What a Release build of this machine would give crossgen2, as MSBuild evaluates the project
    /// (nothing is built, so this does not show that the SDK still honours the property): on a machine
    /// with a ReadyToRun compiler, the options above for its runtime identifier.
    /// </summary>
    [Fact]
    public void TheReleaseBuild_GivesCrossgenTheChosenOptions()
    {
        var project = Path.Combine(Repository.Root, "Simulation.Runner", "Simulation.Runner.csproj");
        var (exit, output, errors) = ChildProcess.Run("dotnet",
            ["msbuild", project, "-p:Configuration=Release", "-getProperty:NETCoreSdkRuntimeIdentifier", "-getProperty:BuildReadyToRun",
             "-getProperty:PublishReadyToRunCrossgen2ExtraArgs"],
            TimeSpan.FromMinutes(3));
        exit.Should().Be(0, output + errors);
        // MSBuild prints the properties as one JSON object; anything it printed before is not part of it.
        output.Should().Contain("{", errors);
        var properties = JsonNode.Parse(output[output.IndexOf('{')..])!["Properties"]!;
        var machine = properties["NETCoreSdkRuntimeIdentifier"]!.GetValue<string>();

        properties["BuildReadyToRun"]!.GetValue<string>().Should().Be(CrossgenOptions.ContainsKey(machine) ? "true" : "", $"the SDK runs on {machine}");
        if (CrossgenOptions.TryGetValue(machine, out var options))
        {
            properties["PublishReadyToRunCrossgen2ExtraArgs"]!.GetValue<string>().Should().Be(options);
        }
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
