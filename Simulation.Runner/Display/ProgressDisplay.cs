using IsdnSim.Analysis.Engine;
using Spectre.Console;

namespace IsdnSim.Runner.Display;

/// <summary>A progress bar on a terminal; on a pipe or log file, nothing until the end.</summary>
public static class ProgressDisplay
{
    // The columns beside the description: "100%", "00:00:00" twice, and a space between each two.
    private const int Percentage = 4;
    private const int Time = 8;

    public static async Task RunAsync(IAnsiConsole console, bool show, string title, Func<IProgress<ExperimentProgress>?, Task> work)
    {
        if (!show || !console.Profile.Capabilities.Interactive)
        {
            await work(null);
            return;
        }

        var width = console.Profile.Width;
        await console.Progress()
            .AutoClear(true)
            .Columns(Columns(width))
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(Description(title, null, width)), maxValue: 1000);
                await work(new InlineProgress(p =>
                {
                    task.Value = Math.Round(p.Fraction * 1000);
                    task.Description = Markup.Escape(Description(title, p, width));
                }));
                task.Value = 1000;
            });
    }

    /// <summary>The bar's columns for a terminal <paramref name="width"/> wide: a narrow one leaves out the time remaining.</summary>
    public static ProgressColumn[] Columns(int width)
    {
        var bar = new ProgressBarColumn { Width = Bar(width) };
        return Remaining(width)
            ? [new TaskDescriptionColumn(), bar, new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn()]
            : [new TaskDescriptionColumn(), bar, new PercentageColumn(), new ElapsedTimeColumn()];
    }

    /// <summary>
    /// The description that fits beside the bar on one line: the title and the counts, or as much of
    /// them as fits (the counts first, they change).
    /// </summary>
    public static string Description(string title, ExperimentProgress? p, int width)
    {
        var room = Room(width);
        var counts = p is { } q ? new[] { $"{q.ReplicationsDone}/{q.Replications} replications, {q.Events:N0} events", $"{q.ReplicationsDone}/{q.Replications} replications", $"{q.ReplicationsDone}/{q.Replications}" } : [""];
        foreach (var c in counts)
        {
            var text = c.Length == 0 ? title : $"{title}: {c}";
            if (text.Length <= room)
            {
                return text;
            }
        }

        foreach (var c in counts)
        {
            if (c.Length <= room)
            {
                return c.Length + 2 + 8 <= room ? $"{TextWrap.Cut(title, room - c.Length - 2)}: {c}" : c;
            }
        }

        return TextWrap.Cut(counts[^1].Length > 0 ? counts[^1] : title, room);
    }

    private static int Bar(int width) => Math.Clamp(width / 5, 10, 40);

    private static bool Remaining(int width) => width >= 70;

    // One column fewer than the width: a line that fills the terminal would wrap on some terminals.
    private static int Room(int width) => Math.Max(8, width - 1 - Bar(width) - Percentage - Time - (Remaining(width) ? Time + 4 : 3));

    /// <summary>A spinner with a message on a terminal while <paramref name="work"/> runs; nothing elsewhere.</summary>
    public static void Status(IAnsiConsole console, bool show, string message, Action work)
    {
        if (!show || !console.Profile.Capabilities.Interactive)
        {
            work();
            return;
        }

        // The spinner and a space come before the message.
        console.Status().Start(Markup.Escape(TextWrap.Cut(message, console.Profile.Width - 3)), _ => work());
    }

    private sealed class InlineProgress(Action<ExperimentProgress> report) : IProgress<ExperimentProgress>
    {
        public void Report(ExperimentProgress value) => report(value);
    }
}
