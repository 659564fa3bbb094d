namespace IsdnSim.Analysis.Experiments;

/// <summary>An experiment asked for that cannot be run as asked; the message says why, in the words of the options.</summary>
public sealed class ExperimentRequestException(string message) : Exception(message);
