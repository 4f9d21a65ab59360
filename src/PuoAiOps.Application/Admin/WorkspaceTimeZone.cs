using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Admin;

/// <summary>Why a time zone was refused.</summary>
public enum TimeZoneError { Required, Unknown }

/// <summary>
/// The workspace's time zone (an IANA id such as <c>Asia/Shanghai</c>; UTC until an admin sets one), kept in
/// the Settings table. Times are stored in UTC; the console shows them in this zone (see <see cref="WorkspaceTime"/>).
/// </summary>
public sealed class WorkspaceTimeZone(PuoDbContext db, WorkspaceClock clock)
{
    public const string SettingKey = "Workspace:TimeZone";
    public const string DefaultId = "UTC";
    public const string AuditChanged = "settings.time-zone-changed";

    /// <summary>The zone for an IANA id, or the reason it cannot be used. Windows ids are refused: the setting is portable.</summary>
    public static TimeZoneError? Check(string? id, out TimeZoneInfo? zone)
    {
        zone = null;
        var value = id?.Trim() ?? "";
        if (value.Length == 0) return TimeZoneError.Required;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(value, out var found) || !found.HasIanaId) return TimeZoneError.Unknown;
        zone = found;
        return null;
    }

    /// <summary>The stored zone; UTC when none is stored or the stored id is not known on this machine.</summary>
    public async Task<TimeZoneInfo> GetAsync(CancellationToken ct = default)
    {
        var id = await db.Settings.AsNoTracking().Where(s => s.Key == SettingKey).Select(s => s.Value).FirstOrDefaultAsync(ct);
        return Check(id, out var zone) is null ? zone! : TimeZoneInfo.Utc;
    }

    public async Task<TimeZoneError?> SaveAsync(Actor actor, string? id, CancellationToken ct = default)
    {
        if (Check(id, out var zone) is { } error) return error;
        var setting = await db.Settings.FirstOrDefaultAsync(s => s.Key == SettingKey, ct);
        var previous = setting?.Value ?? DefaultId;
        if (setting is null) db.Settings.Add(setting = new Setting { Key = SettingKey });
        setting.Value = zone!.Id;
        setting.UpdatedAt = DateTime.UtcNow;
        setting.UpdatedById = actor.UserId;
        db.AuditLog.Add(new AuditEntry
        {
            ActorId = actor.UserId,
            ActorName = actor.DisplayName,
            Action = AuditChanged,
            EntityType = "Setting",
            EntityId = SettingKey,
        }.WithDetail(AuditDetail.Changed, previous, zone.Id));
        await db.SaveChangesAsync(ct);
        clock.Set(zone);
        return null;
    }

    /// <summary>IANA ids this machine knows, for the picker.</summary>
    public static IReadOnlyList<string> KnownIds() =>
        TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId).Select(z => z.Id)
            .Append(DefaultId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}
