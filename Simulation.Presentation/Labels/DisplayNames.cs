namespace IsdnSim.Presentation.Labels;

/// <summary>
/// How the terminal and the replay name a variant and an agency for people, in one place: a variant
/// by its id in words ("status-quo" is "status quo" in the summary, the replay and the page alike),
/// an agency with the organisation it belongs to ("Bauamt — Amt Seegrund"), since many
/// organisations have an agency of the same name. Files keep the ids.
/// </summary>
public static class DisplayNames
{
    /// <summary>A run that applied no variant.</summary>
    public const string AsWritten = "as written";

    /// <summary>"status-quo" as "status quo"; a run without a variant as "as written".</summary>
    public static string Variant(string? id) => id is null ? AsWritten : id.Replace('-', ' ');

    /// <summary>"Bauamt — Amt Seegrund".</summary>
    public static string Agency(string agency, string organisation) => $"{agency} — {organisation}";
}
