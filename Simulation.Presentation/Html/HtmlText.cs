namespace IsdnSim.Presentation.Html;

/// <summary>Text made safe to put into HTML, for the reports and the replay page alike.</summary>
public static class HtmlText
{
    /// <summary>The text with the five characters that HTML gives a meaning escaped, fit for element content and quoted attributes.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;");
}
