using IsdnSim.Core.Engine;

namespace IsdnSim.Grains;

[CollectionAgeLimit(AlwaysActive = true)]
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
