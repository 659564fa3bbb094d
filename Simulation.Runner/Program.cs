using IsdnSim.Runner.Cli;

namespace IsdnSim.Runner;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var interrupt = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // The first Ctrl+C stops the run cleanly (finished replications are kept); a second one kills the process.
            if (!interrupt.IsCancellationRequested)
            {
                e.Cancel = true;
                interrupt.Cancel();
            }
        };
        return await IsdnSimApp.RunAsync(args, Consoles.System(), interrupt.Token);
    }
}
