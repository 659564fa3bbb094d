using IsdnSim.Analysis.Engine;
using Spectre.Console;

namespace IsdnSim.Runner.Display;

/// <summary>A progress bar on a terminal; on a pipe or log file, nothing until the end.</summary>
internal static class ProgressDisplay
{
    public static async Task RunAsync(IAnsiConsole console, bool show, string title, Func<IProgress<ExperimentProgress>?, Task> work)
    {
        if (!show || !console.Profile.Capabilities.Interactive)
        {
            await work(null);
            return;
        }

        await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(title), maxValue: 1000);
                await work(new InlineProgress(p =>
                {
                    task.Value = Math.Round(p.Fraction * 1000);
                    task.Description = Markup.Escape($"{title}: {p.ReplicationsDone}/{p.Replications} replications, {p.Events:N0} events");
                }));
                task.Value = 1000;
            });
    }

    /// <summary>A spinner with a message on a terminal while <paramref name="work"/> runs; nothing elsewhere.</summary>
    public static void Status(IAnsiConsole console, bool show, string message, Action work)
    {
        if (!show || !console.Profile.Capabilities.Interactive)
        {
            work();
            return;
        }

        console.Status().Start(Markup.Escape(message), _ => work());
    }

    private sealed class InlineProgress(Action<ExperimentProgress> report) : IProgress<ExperimentProgress>
    {
        public void Report(ExperimentProgress value) => report(value);
    }
}
