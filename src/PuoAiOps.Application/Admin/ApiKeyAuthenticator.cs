using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Application.Admin;

/// <summary>An API key that authenticated: who it is and how many requests per minute it may make (null: the default).</summary>
public sealed record ApiKeyIdentity(long Id, string Name, string Prefix, string Role, int? RequestsPerMinute);

/// <summary>
/// Checks presented API keys against the stored hashes. Answers are cached for
/// <see cref="CacheFor"/> (a revoked key stops working within that time on every instance) so the
/// bot API does not query the database per request; the last-use time is written at most once a minute per key.
/// </summary>
public sealed class ApiKeyAuthenticator(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);
    private const int MaxCached = 10_000;

    private readonly ConcurrentDictionary<string, (ApiKeyIdentity? Key, DateTimeOffset At)> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, DateTimeOffset> _touched = new();

    /// <summary>The key's identity, or null when the secret matches no active key.</summary>
    public async Task<ApiKeyIdentity?> AuthenticateAsync(string secret, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length > 200 || !secret.StartsWith(ApiKeyService.KeyPrefix, StringComparison.Ordinal)) return null;
        var hash = ApiKeyService.Hash(secret);
        var now = clock.GetUtcNow();
        if (!_cache.TryGetValue(hash, out var cached) || now - cached.At > CacheFor)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PuoDbContext>();
            var key = await db.ApiKeys.AsNoTracking().Where(k => k.SecretHash == hash && k.RevokedAt == null)
                .Select(k => new ApiKeyIdentity(k.Id, k.Name, k.Prefix, k.Role, k.RequestsPerMinute)).FirstOrDefaultAsync(ct);
            if (_cache.Count >= MaxCached) _cache.Clear(); // unknown secrets must not grow the cache without bound
            cached = (key, now);
            _cache[hash] = cached;
        }
        if (cached.Key is { } found && (!_touched.TryGetValue(found.Id, out var last) || now - last > TouchEvery))
        {
            _touched[found.Id] = now;
            await TouchAsync(found.Id, now.UtcDateTime, ct);
        }
        return cached.Key;
    }

    /// <summary>Forgets cached answers (after a key is revoked on this instance).</summary>
    public void Invalidate() => _cache.Clear();

    private async Task TouchAsync(long id, DateTime at, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PuoDbContext>();
        try
        {
            await db.ApiKeys.Where(k => k.Id == id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, at), ct);
        }
        catch (Exception ex) when (Common.ServiceBusyException.IsDatabaseBusy(ex))
        {
            // The last-use time is informative: a database locked by a long write (the demo seeding) must not fail
            // the request it rides on. Forget the touch so the next request tries again.
            _touched.TryRemove(id, out _);
        }
    }
}
