namespace IsdnSim.Runner;

public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The run failed while running (a bug, or the machine): see the message.</summary>
    public const int Failure = 1;

    /// <summary>Bad input: the scenario or the command line. Nothing was run or written.</summary>
    public const int BadInput = 2;

    /// <summary>Interrupted with Ctrl+C.</summary>
    public const int Interrupted = 130;
}
