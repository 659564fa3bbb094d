namespace IsdnSim.Tests.Support;

/// <summary>
/// A test that needs headless Chromium: skipped where it is not installed, unless
/// ISDNSIM_REQUIRE_CHROMIUM=1 (as in CI), where a missing browser must fail the test, not hide it.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Executable is null && Environment.GetEnvironmentVariable("ISDNSIM_REQUIRE_CHROMIUM") != "1")
        {
            Skip = "chromium is not installed (apt-get install chromium); .ci/run installs it";
        }
    }
}
