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
        var (_, dom, errors) = await ChildProcess.RunAsync(executable,
            ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", $"--user-data-dir={profile.Path}", $"--window-size={width},1000", "--dump-dom", new Uri(file).AbsoluteUri],
            Timeout);
        return (dom, errors);
    }

    private static string? Find(params string[] names) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => names.Select(name => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
}
