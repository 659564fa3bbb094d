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
}
