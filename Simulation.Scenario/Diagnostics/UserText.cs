using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace IsdnSim.Scenario.Diagnostics;

/// <summary>
/// Text a user typed (a file name, an option's value, a value in a file) made fit to repeat in a
/// message: a name or value of megabytes would bury the message, and a control character would
/// garble the terminal.
/// </summary>
public static partial class UserText
{
    /// <summary>Longer text keeps its start and its end (where a path has its file name), this much in all.</summary>
    public const int MaxEchoed = 200;

    /// <summary>A whole message longer than this has something unquoted in it that is too long to print.</summary>
    public const int MaxMessage = 2_000;

    /// <summary>The text, or its first and last 100 characters around an ellipsis and its length; control characters shown as '?'.</summary>
    public static string Shorten(string text) => Shorten(text, MaxEchoed);

    /// <summary>A message with every quoted part ('...') longer than <see cref="MaxEchoed"/> shortened, and then the message itself if still too long.</summary>
    public static string ShortenQuoted(string message)
    {
        if (message.Length <= MaxEchoed)
        {
            return message;
        }

        var quotesShortened = LongQuote().Replace(message, m => $"'{Shorten(m.Groups[1].Value)}'");
        return Shorten(quotesShortened, MaxMessage);
    }

    // A quote longer than MaxEchoed (200).
    [GeneratedRegex("'([^']{201,})'")]
    private static partial Regex LongQuote();

    private static string Shorten(string text, int max)
    {
        var shown = text.Length <= max
            ? text
            : $"{text[..(max / 2)]}…{text[^(max / 2)..]} ({text.Length.ToString("N0", CultureInfo.InvariantCulture)} characters)";
        if (!shown.Any(char.IsControl))
        {
            return shown;
        }

        var clean = new StringBuilder(shown.Length);
        foreach (var c in shown)
        {
            clean.Append(char.IsControl(c) ? '?' : c);
        }

        return clean.ToString();
    }
}
