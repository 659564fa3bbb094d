using System.Diagnostics;

namespace IsdnSim.Tests.Support;

/// <summary>Headless Chromium from the PATH, to see a page as a browser renders it.</summary>
public static class Chromium
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The browser's path, or null if none is on the PATH.</summary>
    public static string? Executable { get; } = Find("chromium", "chromium-browser");

    /// <summary>
    /// Loads <paramref name="file"/> in a window <paramref name="width"/> px wide, runs its scripts,
    /// and returns the DOM as it then is, with what the browser said on stderr.
    /// </summary>
    public static async Task<(string Dom, string Errors)> DumpDomAsync(string file, int width = 1280)
    {
        var executable = Executable ?? throw new InvalidOperationException("chromium is not on the PATH (apt-get install chromium).");
        using var profile = new TempDirectory();
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", $"--user-data-dir={profile.Path}", $"--window-size={width},1000", "--dump-dom", new Uri(file).AbsoluteUri })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        try
        {
            var dom = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(Timeout);
            await process.WaitForExitAsync(timeout.Token);
            return (await dom, await errors);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static string? Find(params string[] names) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => names.Select(name => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
}
