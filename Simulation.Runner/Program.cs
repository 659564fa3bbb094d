using IsdnSim.Runner.Cli;
using IsdnSim.Runner.Display;
using IsdnSim.Runner.Hosting;

namespace IsdnSim.Runner;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        PhaseTimings.Mark("main");
        EngineHost.EndSilosWithProcess();
        using var interruption = new Interruption();
        var code = await IsdnSimApp.RunAsync(args, Consoles.System(), interruption.Token);
        PhaseTimings.Mark("command done");
        return code == ExitCodes.Interrupted ? interruption.ExitCode : code;
    }
}
