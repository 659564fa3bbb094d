namespace IsdnSim.Presentation.Benchmarks;

/// <summary>The machine a suite ran on, and how busy it was (load average over one minute) before and after.</summary>
public sealed record SuiteMachine(int Cores, string Cpu, long MemoryBytes, string Os, string Dotnet, string LoadBefore, string LoadAfter);
