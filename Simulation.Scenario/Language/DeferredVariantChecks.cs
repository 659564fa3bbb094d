using System.Runtime.ExceptionServices;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Scenario.Diagnostics;

namespace IsdnSim.Scenario.Language;

/// <summary>
/// The checks of a file's variants that a run of one of them (or of none) does not need before it
/// starts (<see cref="ScenarioLoader.LoadFileForRun"/>): made on a background thread from when
/// the file's definition is bound (beside the file's own check) while the run compiles and
/// simulates, and waited for before anything is written. Their problems are
/// exactly those the whole check of the file would have reported (the file and the run's variant
/// passed, so only these remain), in the same order.
/// </summary>
public sealed class DeferredVariantChecks
{
    /// <summary>Nothing left to check.</summary>
    public static readonly DeferredVariantChecks None = new(null, "", []);

    private readonly ScenarioDefinition? _definition;
    private readonly string _file;
    private readonly IReadOnlyList<VariantDefinition> _variants;
    private readonly Lazy<Task<ScenarioException?>> _task;
    private readonly CancellationTokenSource _abandoned = new();

    internal DeferredVariantChecks(ScenarioDefinition? definition, string file, IReadOnlyList<VariantDefinition> variants)
    {
        (_definition, _file, _variants) = (definition, file, variants);
        _task = new(() => _variants.Count == 0 ? Task.FromResult<ScenarioException?>(null) : Task.Run(Check), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Whether the checks were started.</summary>
    internal bool IsStarted => _task.IsValueCreated;

    /// <summary>
    /// Stops checking variants not begun yet, for checks started on a definition that then failed
    /// its own check (the whole check takes over); what they found, or a fault, is never asked for.
    /// </summary>
    internal void Abandon()
    {
        _abandoned.Cancel();
        if (_task.IsValueCreated)
        {
            _ = _task.Value.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
    }

    /// <summary>The variants left to check, in the file's order.</summary>
    public IReadOnlyList<string> Variants => [.. _variants.Select(v => v.Id)];

    /// <summary>Starts the checks in the background (once); the task gives their problems, or null if every variant passed.</summary>
    public Task<ScenarioException?> Start() => _task.Value;

    /// <summary>
    /// Waits for the checks (starting them if they were not) and gives their problems as the
    /// loader would have thrown them, or null if every variant passed; an unexpected failure of a
    /// check is rethrown, the first variant's that had one.
    /// </summary>
    public ScenarioException? Wait() => Start().GetAwaiter().GetResult();

    /// <summary>
    /// As the whole check would have found them: each variant checked on its own (side by side on
    /// all but one of the machine's cores, so that the run's simulation keeps one), its problems
    /// in the variants' order, sorted by position with that order kept among equal positions.
    /// </summary>
    private ScenarioException? Check()
    {
        var found = new IReadOnlyList<(SourcePosition At, string Message)>[_variants.Count];
        var failed = new ExceptionDispatchInfo?[_variants.Count];
        Parallel.For(0, _variants.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount - 1), CancellationToken = _abandoned.Token }, i =>
        {
            try
            {
                found[i] = VariantBinder.Problems(_definition!, _variants[i]);
            }
            catch (Exception e)
            {
                failed[i] = ExceptionDispatchInfo.Capture(e);
            }
        });
        var diagnostics = new List<ScenarioDiagnostic>();
        for (var i = 0; i < _variants.Count; i++)
        {
            failed[i]?.Throw();
            diagnostics.AddRange(found[i].Select(p => new ScenarioDiagnostic(_file, p.At, p.Message)));
        }

        return diagnostics.Count == 0
            ? null
            : new ScenarioException([.. diagnostics.OrderBy(d => d.Position.Line).ThenBy(d => d.Position.Column)]);
    }
}
