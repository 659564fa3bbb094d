using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;

namespace IsdnSim.Runner.Cli;

/// <summary>The isdnsim command line, callable in-process with any consoles (the tests do).</summary>
public static class IsdnSimApp
{
    public static async Task<int> RunAsync(string[] args, Consoles consoles, CancellationToken cancellationToken = default)
    {
        var services = new ServiceCollection();
        services.AddSingleton(consoles);
        var app = new CommandApp(new TypeRegistrar(services));
        app.Configure(config =>
        {
            config.SetApplicationName("isdnsim");
            config.Settings.Console = consoles.Out;
            config.Settings.ExceptionHandler = (e, _) =>
            {
                consoles.Errors.WriteLine($"isdnsim: error: {e.Message}");
                return e is CommandParseException or CommandRuntimeException ? ExitCodes.BadInput : ExitCodes.Failure;
            };
            config.AddCommand<RunCommand>("run")
                .WithDescription("Run a scenario: replications on an Orleans silo (or in-process), a summary, and a result folder.")
                .WithExample("run", "scenarios/rural-district.yaml")
                .WithExample("run", "scenarios/mmc.yaml", "--replications", "10", "--out", "results/mmc");
            config.AddCommand<ValidateCommand>("validate")
                .WithDescription("Check a scenario file and report every problem with file:line:column.")
                .WithExample("validate", "scenarios/rural-district.yaml");
            config.AddCommand<BenchCommand>("bench")
                .WithDescription("Measure wall time, events per second and peak memory of one replication.")
                .WithExample("bench", "scenarios/mmc.yaml", "--horizon", "370370d", "--engine", "inprocess");
        });
        return await app.RunAsync(args, cancellationToken);
    }
}
