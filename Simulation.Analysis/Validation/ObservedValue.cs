namespace IsdnSim.Analysis.Validation;

/// <summary>
/// The simulated counterpart of one observation in one replication.
/// <see cref="Value"/> is NaN when the replication has nothing to measure (no project counted).
/// For lead-time statistics <see cref="Counted"/> is the projects measured (finished after the
/// warm-up), <see cref="Arrived"/> those arrived after the warm-up and
/// <see cref="ArrivedAndFinished"/> those of them finished by the horizon; for
/// <see cref="StatisticKind.ShareFinishedBy"/> all three count the projects obliged during the
/// run, warm-up included, and those of them finished by the horizon.
/// </summary>
public readonly record struct ObservedValue(double Value, long Counted, long Arrived, long ArrivedAndFinished);
