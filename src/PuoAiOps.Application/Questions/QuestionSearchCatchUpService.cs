using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PuoAiOps.Application.Questions;

/// <summary>
/// The console's search catch-up: at start (a `puo import questions` stopped before its catch-up finished, or an
/// upload interrupted by a restart) and after each import (<see cref="QuestionSearchCatchUpSignal"/>), it indexes the
/// questions waiting above the watermark, in the background so the import answers as soon as its rows are stored.
/// A failure is logged, never fatal: searches stay exact without it, only slower, and the next signal retries.
/// </summary>
internal sealed class QuestionSearchCatchUpService(IServiceScopeFactory scopes, QuestionSearchCatchUpSignal signal, ILogger<QuestionSearchCatchUpService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<QuestionSearchCatchUp>().RunAsync(ct: stoppingToken);
                }
                catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
                {
                    ImportLog.SearchCatchUpFailed(logger, ex);
                }
            }
            while (await signal.WaitAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}

/// <summary>Wakes <see cref="QuestionSearchCatchUpService"/>; several signals before it wakes count as one.</summary>
public sealed class QuestionSearchCatchUpSignal
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _wake.Writer.TryWrite(true);

    internal async Task<bool> WaitAsync(CancellationToken ct)
    {
        await _wake.Reader.ReadAsync(ct);
        return true;
    }
}
