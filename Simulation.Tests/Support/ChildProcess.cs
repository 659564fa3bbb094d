using System.Diagnostics;

namespace IsdnSim.Tests.Support;

/// <summary>
/// A program run as a process of its own, its standard output and error captured, killed with its
/// children if it outlasts the patience given (a hang fails the test instead of stalling the suite).
/// </summary>
public static class ChildProcess
{
    /// <inheritdoc cref="RunAsync"/>
    public static (int Exit, string Output, string Errors) Run(string program, IEnumerable<string> args, TimeSpan patience,
        string? folder = null, IReadOnlyDictionary<string, string>? environment = null) =>
        RunAsync(program, args, patience, folder, environment).GetAwaiter().GetResult();

    /// <summary>
    /// Runs <paramref name="program"/> with <paramref name="args"/> (in <paramref name="folder"/>, with
    /// <paramref name="environment"/> added) and gives its exit code, standard output and standard
    /// error; a <see cref="TimeoutException"/> if it has not ended within <paramref name="patience"/>.
    /// </summary>
    public static async Task<(int Exit, string Output, string Errors)> RunAsync(string program, IEnumerable<string> args, TimeSpan patience,
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
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish within {patience.TotalMinutes} minutes");
        }

        return (process.ExitCode, await output, await errors);
    }
}
