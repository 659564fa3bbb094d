using IsdnSim.Analysis.Engine;
using IsdnSim.Presentation.Tracing;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Tracing;

/// <summary>Traces of one year of the rural district, as written and with the democratisation variant (common random numbers: the same projects arrive in both).</summary>
public sealed class RuralDistrictYear : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();

    public string AsWrittenPath => _dir.File("as-written.jsonl");

    public TraceFile AsWritten { get; private set; } = null!;

    public TraceFile Democratisation { get; private set; } = null!;

    public static RunSpec Spec(string? variant = null) =>
        Runs.Spec(Runs.Load("rural-district.yaml"), new ScenarioOverrides(HorizonDays: 365, Variant: variant));

    public async Task InitializeAsync()
    {
        AsWritten = await Traces.WriteAsync(AsWrittenPath, Spec());
        Democratisation = await Traces.WriteAsync(_dir.File("democratisation.jsonl"), Spec("democratisation"));
    }

    public Task DisposeAsync()
    {
        _dir.Dispose();
        return Task.CompletedTask;
    }
}
