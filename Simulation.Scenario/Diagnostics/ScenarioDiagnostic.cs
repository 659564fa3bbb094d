using IsdnSim.Kernel.Definitions;

namespace IsdnSim.Scenario.Diagnostics;

/// <summary>One problem found in a scenario file, with where it is and what was expected.</summary>
public sealed record ScenarioDiagnostic(string File, SourcePosition Position, string Message)
{
    /// <summary>
    /// The compiler-style form editors and terminals understand: <c>file:line:column: error: message</c>,
    /// or <c>file: error: message</c> for a problem with the file as a whole (<see cref="SourcePosition.Unknown"/>).
    /// A file name or a quoted value of more than <see cref="UserText.MaxEchoed"/> characters is shortened.
    /// </summary>
    public override string ToString() => Position == SourcePosition.Unknown
        ? $"{UserText.Shorten(File)}: error: {UserText.ShortenQuoted(Message)}"
        : $"{UserText.Shorten(File)}:{Position.Line}:{Position.Column}: error: {UserText.ShortenQuoted(Message)}";
}
