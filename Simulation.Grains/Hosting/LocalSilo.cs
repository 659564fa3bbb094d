namespace IsdnSim.Grains.Hosting;

/// <summary>
/// What an engine shares with the silo in its own process (the embedded silo): the compiled
/// models, so a run is not compiled twice, and the closed groups' records, so they are not copied.
/// </summary>
public sealed class LocalSilo(ModelCache models, RecordHandover records)
{
    public ModelCache Models { get; } = models;

    public RecordHandover Records { get; } = records;
}
