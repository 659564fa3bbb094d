using IsdnSim.Analysis.Engine;
using IsdnSim.Kernel.Model;

namespace IsdnSim.Grains.Hosting;

/// <summary>
/// One compiled model per run spec and silo, shared by all grains of all replications on that
/// silo. Keeps the few most recently used, since a large region's model is big.
/// </summary>
public sealed class ModelCache
{
    private const int Capacity = 4;
    private readonly object _gate = new();
    private readonly LinkedList<(string Key, Lazy<Task<(RunSpec, SimulationModel)>> Entry)> _entries = new();

    /// <summary>Hands in a model compiled elsewhere in this process (the Runner's, with an embedded silo), so it is not compiled twice.</summary>
    public void Prime(RunSpec spec, SimulationModel model) =>
        _ = GetAsync(spec.Key, () => Task.FromResult(spec), () => model);

    /// <summary>The compiled model of <paramref name="spec"/>, compiled on first use.</summary>
    public Task<(RunSpec Spec, SimulationModel Model)> GetAsync(RunSpec spec) =>
        GetAsync(spec.Key, () => Task.FromResult(spec));

    /// <summary>The model under <paramref name="key"/>; if this silo has none, <paramref name="fetch"/> gets the spec (from the run's coordinator) to compile.</summary>
    public Task<(RunSpec Spec, SimulationModel Model)> GetAsync(string key, Func<Task<RunSpec>> fetch, Func<SimulationModel>? compiled = null)
    {
        lock (_gate)
        {
            for (var node = _entries.First; node is not null; node = node.Next)
            {
                if (node.Value.Key == key)
                {
                    _entries.Remove(node);
                    _entries.AddFirst(node);
                    return node.Value.Entry.Value;
                }
            }

            var entry = new Lazy<Task<(RunSpec, SimulationModel)>>(() => LoadAsync(key, fetch, compiled));
            _entries.AddFirst((key, entry));
            while (_entries.Count > Capacity)
            {
                _entries.RemoveLast();
            }

            return entry.Value;
        }
    }

    private async Task<(RunSpec, SimulationModel)> LoadAsync(string key, Func<Task<RunSpec>> fetch, Func<SimulationModel>? compiled)
    {
        try
        {
            var spec = await fetch();
            if (spec.Key != key)
            {
                throw new InvalidOperationException($"Asked for the run spec '{key}', got '{spec.Key}'.");
            }

            return (spec, compiled is null ? await Task.Run(spec.Compile) : compiled());
        }
        catch
        {
            // A failed load is not kept: the next run of the same spec tries again.
            lock (_gate)
            {
                for (var node = _entries.First; node is not null; node = node.Next)
                {
                    if (node.Value.Key == key)
                    {
                        _entries.Remove(node);
                        break;
                    }
                }
            }

            throw;
        }
    }
}
