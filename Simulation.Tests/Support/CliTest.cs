using System.Text.RegularExpressions;
using IsdnSim.Runner.Cli;
using IsdnSim.Runner.Display;

namespace IsdnSim.Tests.Support;

/// <summary>
/// What every test of the isdnsim command line needs: a scratch folder, the command run
/// in-process with its standard output and error captured, and the output with the console's
/// line wrapping undone.
/// </summary>
public abstract partial class CliTest : IDisposable
{
    protected TempDirectory Dir { get; } = new();

    protected StringWriter Out { get; } = new();

    protected StringWriter Err { get; } = new();

    /// <summary>Standard output with line breaks and runs of spaces as one space: tables wrap at 80 columns here.</summary>
    protected string Output => Unwrapped(Out);

    public void Dispose()
    {
        Dir.Dispose();
        GC.SuppressFinalize(this);
    }

    protected Task<int> Isdnsim(params string[] args) => Isdnsim(args, CancellationToken.None);

    protected async Task<int> Isdnsim(string[] args, CancellationToken cancellationToken) =>
        await IsdnSimApp.RunAsync(args, Consoles.Plain(Out, Err), cancellationToken);

    /// <summary>What was written, with the console's line wrapping undone.</summary>
    protected static string Unwrapped(StringWriter console) => Whitespace().Replace(console.ToString(), " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
