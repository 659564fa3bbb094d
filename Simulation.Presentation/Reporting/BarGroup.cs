namespace IsdnSim.Presentation.Reporting;

/// <summary>A group of horizontal bars under one label, one bar per series (null where a series has no value).</summary>
internal sealed record BarGroup(string Label, IReadOnlyList<BarValue?> Values);

/// <summary>A bar: its value, an optional interval drawn as a whisker, and the note printed beside it and shown on hover.</summary>
internal sealed record BarValue(double Value, double? Low, double? High, string Note);
