using IsdnSim.Core.Engine;

namespace IsdnSim.Grains;

/// <summary>
/// Holds a spec only while runs start: each replication stores it again before it starts, and
/// silos compile it once into their model cache, so an idle spec may be collected.
/// </summary>
[CollectionAgeLimit(Minutes = 30)]
public sealed class RunSpecGrain : Grain, IRunSpecGrain
{
    private RunSpec? _spec;

    public Task Set(RunSpec spec)
    {
        if (spec.Key != this.GetPrimaryKeyString())
        {
            throw new ArgumentException("A run spec must be stored under its own key.", nameof(spec));
        }

        _spec = spec;
        return Task.CompletedTask;
    }

    public Task<RunSpec> Get() =>
        _spec is { } spec ? Task.FromResult(spec) : throw new InvalidOperationException($"No run spec stored under '{this.GetPrimaryKeyString()}'.");
}
