using System.Diagnostics;
using System.Globalization;
using IsdnSim.Analysis.Engine;
using IsdnSim.Analysis.Experiments;
using IsdnSim.Analysis.Storage;
using IsdnSim.Grains;
using IsdnSim.Grains.Hosting;
using IsdnSim.Presentation.Output;
using IsdnSim.Scenario.Language;
using Orleans.TestingHost;

// How a comparison scales with the silos of an in-process test cluster (BENCHMARKS.md):
//   dotnet run -c Release --project Simulation.Benchmarks -- FILE VARIANTS REPLICATIONS SILOS...
// e.g. scenarios/rural-district.yaml status-quo,austerity,democratisation 30 1 2
// Each silo count runs the whole comparison once to warm up, then once timed; cluster start is not timed.
// The kernel alone, in-process, per run (KernelBench): dotnet run -c Release --project Simulation.Benchmarks -- kernel FILE [HORIZON_DAYS] [RUNS]
if (args is ["kernel", .. var kernelArgs])
{
    return IsdnSim.Benchmarks.KernelBench.Run(kernelArgs);
}

if (args.Length < 4)
{
    Console.Error.WriteLine("usage: isdnsim-bench FILE VARIANTS REPLICATIONS SILOS... (e.g. scenarios/rural-district.yaml status-quo,austerity 30 1 2)");
    return 2;
}

var scenario = ScenarioLoader.LoadFile(args[0]);

// The test cluster writes its logs to ./logs: keep them out of the working tree.
var scratch = Directory.CreateTempSubdirectory("isdnsim-bench-");
Environment.CurrentDirectory = scratch.FullName;
var variants = args[1].Split(',');
var replications = int.Parse(args[2], CultureInfo.InvariantCulture);
var plan = new ExperimentPlan
{
    Kind = ExperimentPlan.CompareKind,
    ScenarioFile = scenario.File,
    ScenarioHash = scenario.Hash,
    Variants = variants,
    Baseline = variants[0],
    Replications = replications,
    MaxReplications = replications,
    ProgramVersion = ProgramVersion.Text,
};

Console.WriteLine($"{Environment.ProcessorCount} cores, .NET {Environment.Version}; {scenario.Definition.Name}: {variants.Length} variants x {replications} replications");
var parallel = Environment.ProcessorCount;
await Measure("in-process", new InProcessEngine());
foreach (var silos in args[3..].Select(s => int.Parse(s, CultureInfo.InvariantCulture)))
{
    var builder = new InProcessTestClusterBuilder((short)silos);
    builder.ConfigureSilo((_, silo) => silo.AddIsdnSim());
    await using var cluster = builder.Build();
    await cluster.DeployAsync();

    // Replications spread over the silos' grains; more at a time than cores keeps every silo busy.
    foreach (var perSilo in new[] { parallel, 2 * parallel })
    {
        await Measure($"Orleans, {silos} silo{(silos == 1 ? "" : "s")} (InProcessTestCluster), {perSilo * silos} replications at a time", new OrleansEngine(cluster.Client), perSilo * silos);
    }
}

scratch.Delete(recursive: true);
return 0;

async Task Measure(string name, ISimulationEngine engine, int? parallelism = null)
{
    var experiment = CompareExperiment.Prepare(plan, scenario.Text);
    double Run()
    {
        var dir = Path.Combine(Path.GetTempPath(), "isdnsim-bench", Guid.NewGuid().ToString("N"));
        try
        {
            var store = ExperimentStore.Create(dir, plan, scenario.Text);
            var clock = Stopwatch.StartNew();
            experiment.RunAsync(store, engine, parallelism ?? parallel, null, CancellationToken.None).GetAwaiter().GetResult();
            return clock.Elapsed.TotalSeconds;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    var cold = Run();
    var seconds = Run();
    var total = variants.Length * replications;
    Console.WriteLine(FormattableString.Invariant($"{name}: {seconds:0.00} s for {total} replications ({total / seconds:0.0} replications/s; the first, cold run: {cold:0.00} s), peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20)} MiB"));
    await Task.CompletedTask;
}
