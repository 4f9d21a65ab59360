using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Questions;
using PuoAiOps.Core.Text.Redaction;

namespace PuoAiOps.Application.Bot;

/// <summary>
/// The workspace's redactor (built-in detectors plus the admins' patterns) for the bot, rebuilt at
/// most every <see cref="RefreshAfter"/> so a pattern change reaches answers quickly without a
/// settings query per message.
/// </summary>
public sealed class BotRedactor(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromSeconds(30);

    private (PiiRedactor Redactor, long At)? _current;

    public async Task<PiiRedactor> GetAsync(CancellationToken ct)
    {
        if (_current is { } c && clock.GetElapsedTime(c.At) < RefreshAfter) return c.Redactor;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PuoDbContext>();
        var redactor = await new PiiPatternStore(db).CreateRedactorAsync(ct);
        _current = (redactor, clock.GetTimestamp());
        return redactor;
    }
}
