using Microsoft.Extensions.Hosting;

namespace PuoAiOps.Application.Bot.Storage;

/// <summary>
/// Drains <see cref="TurnWriter"/> when the host stops, so turns queued by the last requests are
/// committed before the process exits. The writer starts itself on first use; this only ends it.
/// </summary>
internal sealed class TurnWriterShutdown(TurnWriter writer) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => writer.DrainAsync().WaitAsync(cancellationToken);
}
