using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Admin;

/// <summary>
/// API keys for machine clients of the REST API: created with the role they act as, listed, revoked.
/// The secret is returned once, at creation; the database keeps its SHA-256 hash and a short prefix
/// that tells keys apart. Every change is written to the audit log in the same save.
/// </summary>
public sealed class ApiKeyService(PuoDbContext db)
{
    public const int MaxNameLength = 80;
    public const string KeyPrefix = "puo_";
    public const string AuditCreated = "apikey.created";
    public const string AuditRevoked = "apikey.revoked";
    private const string AuditEntity = "ApiKey";

    public static ApiKeyError? CheckName(string? name)
    {
        var value = name?.Trim() ?? "";
        return value.Length == 0 ? ApiKeyError.NameRequired : value.Length > MaxNameLength ? ApiKeyError.NameTooLong : null;
    }

    public async Task<IReadOnlyList<ApiKeySummary>> ListAsync(CancellationToken ct = default)
    {
        var rows = await (from k in db.ApiKeys.AsNoTracking()
                          join u in db.Users on k.CreatedById equals u.Id into creators
                          from u in creators.DefaultIfEmpty()
                          select new { Key = k, Name = u == null ? null : u.DisplayName }).ToListAsync(ct);
        return rows.OrderBy(r => r.Key.RevokedAt is not null).ThenByDescending(r => r.Key.Id)
            .Select(r => Summary(r.Key, r.Name)).ToList();
    }

    public const int MaxRequestsPerMinute = 1_000_000;

    public Task<ApiKeyResult> CreateAsync(Actor actor, string? name, string? role, CancellationToken ct = default) =>
        CreateAsync(actor, name, role, null, ct);

    /// <param name="requestsPerMinute">The key's own budget on the bot API (null: the workspace default).</param>
    public async Task<ApiKeyResult> CreateAsync(Actor actor, string? name, string? role, int? requestsPerMinute, CancellationToken ct = default)
    {
        if (CheckName(name) is { } nameError) return new(nameError);
        if (requestsPerMinute is < 1 or > MaxRequestsPerMinute)
            throw new ValidationException("requests_per_minute", CodedMessage.Of(AdminRefusal.BudgetOutOfRange, MaxRequestsPerMinute));
        if (Roles.Parse(role) is not { } parsedRole) return new(ApiKeyError.UnknownRole);
        var (prefix, secret) = NewSecret();
        var key = new ApiKey
        {
            Name = name!.Trim(),
            Prefix = prefix,
            SecretHash = Hash(secret),
            Role = parsedRole,
            RequestsPerMinute = requestsPerMinute,
            CreatedById = actor.UserId ?? "",
            CreatedAt = DateTime.UtcNow,
        };
        db.ApiKeys.Add(key);
        db.AuditLog.Add(Audit(actor, AuditCreated, null, CodedMessage.Of(AuditDetail.ApiKeyCreated, key.Name, key.Prefix, AuditDetails.Role(parsedRole))));
        await db.SaveChangesAsync(ct);
        // The entity id is known only after the insert; the audit row names the key by prefix, which is unique too.
        return new(null, new ApiKeyCreated(Summary(key, actor.DisplayName), secret));
    }

    public async Task<ApiKeyResult> RevokeAsync(Actor actor, long id, CancellationToken ct = default)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, ct);
        if (key is null) return new(ApiKeyError.NoSuchKey);
        if (key.RevokedAt is not null) return new(ApiKeyError.AlreadyRevoked);
        key.RevokedAt = DateTime.UtcNow;
        db.AuditLog.Add(Audit(actor, AuditRevoked, key.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), CodedMessage.Of(AuditDetail.NameAndPrefix, key.Name, key.Prefix)));
        await db.SaveChangesAsync(ct);
        return new(null);
    }

    /// <summary>SHA-256 of the whole key, hex: the secret has 256 random bits, so no slow hash is needed.</summary>
    public static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static (string Prefix, string Secret) NewSecret()
    {
        // puo_<8 hex>_<43 base64url>: the prefix is shown in lists, the rest is known only to the client.
        var prefix = KeyPrefix + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();
        var random = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (prefix, prefix + "_" + random);
    }

    private static ApiKeySummary Summary(ApiKey key, string? createdBy) => new(
        key.Id, key.Name, key.Prefix, key.Role, createdBy, DateTime.SpecifyKind(key.CreatedAt, DateTimeKind.Utc),
        key.LastUsedAt is { } used ? DateTime.SpecifyKind(used, DateTimeKind.Utc) : null,
        key.RevokedAt is { } revoked ? DateTime.SpecifyKind(revoked, DateTimeKind.Utc) : null);

    private static AuditEntry Audit(Actor actor, string action, string? entityId, CodedMessage detail) => new AuditEntry
    {
        At = DateTime.UtcNow,
        ActorId = actor.UserId,
        ActorName = actor.DisplayName,
        Action = action,
        EntityType = AuditEntity,
        EntityId = entityId,
    }.WithDetail(detail);
}
