namespace IsdnSim.Presentation.Benchmarks;

/// <summary>The machine a suite ran on, and how busy it was (load average over one minute) before and after.</summary>
public sealed record SuiteMachine(int Cores, string Cpu, long MemoryBytes, string Os, string Dotnet, string LoadBefore, string LoadAfter)
{
    /// <summary>The processors' time its virtual machine's host took while the suite ran (<see cref="CpuSteal"/>), e.g. "3.1 %"; "-" where unknown (older suite files, no /proc/stat).</summary>
    public string Steal
    {
        get => _steal;
        init => _steal = value ?? "-"; // the JSON reader sets null where an older file has no steal
    }

    private readonly string _steal = "-";
}
