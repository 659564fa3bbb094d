using Spectre.Console;

namespace IsdnSim.Runner.Display;

/// <summary>Standard output for results and progress, standard error for problems.</summary>
public sealed class Consoles(IAnsiConsole output, TextWriter errors)
{
    public IAnsiConsole Out { get; } = output;

    public TextWriter Errors { get; } = errors;

    /// <summary>Plain lines for scripts (no wrapping or markup), on the same stream as <see cref="Out"/>.</summary>
    public TextWriter Text => Out.Profile.Out.Writer;

    public static Consoles System()
    {
        var console = AnsiConsole.Console;
        if (!console.Profile.Capabilities.Interactive)
        {
            // Piped into a file or a log: tables need not fit an 80-column terminal.
            console.Profile.Width = Math.Max(console.Profile.Width, 140);
        }

        return new Consoles(console, Console.Error);
    }

    public static Consoles Plain(TextWriter output, TextWriter errors) => new(
        AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        }),
        errors);

    /// <summary>
    /// A console <paramref name="width"/> columns wide writing to <paramref name="output"/>, without
    /// colours: plain text, or with <paramref name="terminal"/> the escape codes and live displays
    /// of a terminal. For measuring what a renderable takes, and for tests.
    /// </summary>
    public static IAnsiConsole Fixed(TextWriter output, int width, bool terminal = false)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = width;
        return console;
    }
}
