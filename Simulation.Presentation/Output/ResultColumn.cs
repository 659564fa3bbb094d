namespace IsdnSim.Presentation.Output;

/// <summary>
/// A column of a result CSV file as a reader needs it: its header (or a pattern such as
/// <c>u:&lt;path&gt;</c> for columns named after the parameters of a design), its Frictionless Data
/// type (<c>string</c>, <c>integer</c>, <c>number</c>, <c>boolean</c>, <c>date</c>), its unit
/// (null where it has none) and what it holds.
/// </summary>
public sealed record ResultColumn(string Name, string Type, string? Unit, string Description)
{
    /// <summary>The part of a pattern's name before its placeholder, or null for a plain header.</summary>
    public string? Prefix => Name.IndexOf('<', StringComparison.Ordinal) is var i and >= 0 ? Name[..i] : null;

    /// <summary>Whether <paramref name="header"/> is this column: the same name, or for a pattern any header that starts like it.</summary>
    public bool Matches(string header) => Prefix is { } prefix ? header.StartsWith(prefix, StringComparison.Ordinal) && header.Length > prefix.Length : header == Name;
}
