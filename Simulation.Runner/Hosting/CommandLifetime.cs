using Microsoft.Extensions.Hosting;

namespace IsdnSim.Runner.Hosting;

/// <summary>
/// The lifetime of a host that a command starts and stops itself. The default console lifetime
/// would take SIGINT and SIGTERM for the host (and let the command run on); here signals belong
/// to the command (<see cref="Interruption"/>), which stops the host when it is done.
/// </summary>
internal sealed class CommandLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
