using IsdnSim.Core.Engine;

namespace IsdnSim.Grains;

/// <summary>
/// Holds a run's specification (scenario text and overrides) under its key, so that each silo
/// fetches it once and compiles the model locally instead of every grain receiving the text.
/// </summary>
[Alias("IsdnSim.IRunSpecGrain")]
public interface IRunSpecGrain : IGrainWithStringKey
{
    [Alias("Set")]
    Task Set(RunSpec spec);

    [Alias("Get")]
    Task<RunSpec> Get();
}
