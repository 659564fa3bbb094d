namespace IsdnSim.Core.Scenario;

/// <summary>One problem found in a scenario file, with where it is and what was expected.</summary>
public sealed record ScenarioDiagnostic(string File, SourcePosition Position, string Message)
{
    /// <summary>The compiler-style form editors and terminals understand: <c>file:line:column: error: message</c>.</summary>
    public override string ToString() => $"{File}:{Position.Line}:{Position.Column}: error: {Message}";
}
