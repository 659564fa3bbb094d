namespace IsdnSim.Silo;

/// <summary>
/// Orleans' default answer to a fatal error (above all "the cluster declared this silo dead",
/// which also happens when Redis comes back empty) ends the process at once. Here it ends only
/// this silo: the supervisor in <see cref="Program"/> starts a new one that joins afresh.
/// </summary>
internal sealed class RestartOnFatalError : IFatalErrorHandler, IDisposable
{
    private readonly CancellationTokenSource _fatal = new();
    private string? _reason;

    /// <summary>Cancelled on the first fatal error.</summary>
    public CancellationToken Fatal => _fatal.Token;

    /// <summary>What the first fatal error was about.</summary>
    public string Reason => _reason ?? "a fatal error";

    public bool IsUnexpected(Exception exception) => exception is not OperationCanceledException;

    public void OnFatalException(object? sender, string? context, Exception? exception)
    {
        if (Interlocked.CompareExchange(ref _reason, context?.Split('\n')[0] ?? exception?.Message ?? "a fatal error", null) is null)
        {
            _fatal.Cancel();
        }
    }

    public void Dispose() => _fatal.Dispose();
}
