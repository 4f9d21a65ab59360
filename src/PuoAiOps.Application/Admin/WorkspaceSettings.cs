using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Questions;

namespace PuoAiOps.Application.Admin;

/// <summary>A stored setting as the settings page lists it; secret values are never read into it.</summary>
public sealed record SettingSummary(string Key, string? Value, bool IsSecret, DateTime UpdatedAt);

/// <summary>
/// The Settings table as administrators see it. Internal keys (the data-protection key ring, the
/// setup marker) are hidden; secrets (the user-id pseudonym key) are listed without their value;
/// the PII patterns and the time zone have their own editors.
/// </summary>
public sealed class WorkspaceSettings(PuoDbContext db)
{
    /// <summary>Prefix of the data-protection key ring rows the console host stores (SettingsPage_HidesInternalKeys_AndSecretValues checks they stay hidden).</summary>
    public const string DataProtectionKeyPrefix = "dataprotection:key:";

    private static readonly string[] InternalPrefixes = [DataProtectionKeyPrefix];
    private static readonly string[] InternalKeys = [UserAdminService.SetupMarkerKey];
    private static readonly string[] SecretKeys = [UserPseudonymizer.KeySetting];
    private static readonly string[] EditedElsewhere = [PiiPatternStore.SettingKey, WorkspaceTimeZone.SettingKey];

    public static bool IsInternal(string key) =>
        InternalKeys.Contains(key, StringComparer.OrdinalIgnoreCase) ||
        InternalPrefixes.Any(p => key.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    public static bool IsSecret(string key) => SecretKeys.Contains(key, StringComparer.OrdinalIgnoreCase);

    public async Task<IReadOnlyList<SettingSummary>> ListAsync(CancellationToken ct = default)
    {
        // Keys and dates first; values only of the settings that are shown (the key ring can be large).
        var rows = await db.Settings.AsNoTracking().Select(s => new { s.Key, s.UpdatedAt }).ToListAsync(ct);
        var shown = rows.Where(r => !IsInternal(r.Key) && !EditedElsewhere.Contains(r.Key, StringComparer.OrdinalIgnoreCase))
            .OrderBy(r => r.Key, StringComparer.OrdinalIgnoreCase).ToList();
        var readable = shown.Where(r => !IsSecret(r.Key)).Select(r => r.Key).ToList();
        var values = readable.Count == 0 ? [] : await db.Settings.AsNoTracking().Where(s => readable.Contains(s.Key))
            .ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        return shown.Select(r => new SettingSummary(r.Key, IsSecret(r.Key) ? null : values.GetValueOrDefault(r.Key), IsSecret(r.Key), r.UpdatedAt)).ToList();
    }
}
