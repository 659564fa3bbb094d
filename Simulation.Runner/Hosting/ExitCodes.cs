namespace IsdnSim.Runner.Hosting;

/// <summary>The exit codes of every isdnsim command (README.md and docs/operations.md list them).</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The run failed while running (a bug, or the machine): see the message. Finished work is kept and the message says how to resume.</summary>
    public const int Failure = 1;

    /// <summary>Bad input: the scenario or the command line. Nothing was run or written.</summary>
    public const int BadInput = 2;

    /// <summary>--cluster: neither Redis nor a silo answered within the connect timeout. Nothing was run.</summary>
    public const int ClusterUnavailable = 3;

    /// <summary>Interrupted with Ctrl+C (SIGINT): finished work is kept.</summary>
    public const int Interrupted = 130;

    /// <summary>Stopped by SIGTERM (kill, timeout, a container stopping): finished work is kept.</summary>
    public const int Terminated = 143;
}
