using System.Diagnostics;

namespace IsdnSim.Tests.Support;

/// <summary>
/// A program run as a process of its own, its standard output and error captured, killed with its
/// children if it outlasts the patience given (a hang fails the test instead of stalling the suite).
/// </summary>
public static class ChildProcess
{
    public static (int Exit, string Output, string Errors) Run(string program, IEnumerable<string> args, TimeSpan patience,
        string? folder = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (folder is not null)
        {
            start.WorkingDirectory = folder;
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        // Both streams are read in the background: a child that never ends keeps them open, and
        // reading either to its end first would wait for it for ever.
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(patience))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish within {patience.TotalMinutes} minutes");
        }

        return (process.ExitCode, output.Result, errors.Result);
    }
}
