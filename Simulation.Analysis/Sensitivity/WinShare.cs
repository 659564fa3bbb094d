namespace IsdnSim.Analysis.Sensitivity;

/// <summary>
/// In how many of the sampled worlds (design points) a variant beats the baseline: Wins of
/// Points, their share, and the share's Wilson score interval. Undefined counts the points left
/// out because the paired difference was not a number there (a figure undefined in a variant).
/// </summary>
public sealed record WinShare(int Wins, int Points, int Undefined, double Share, double Low, double High);
