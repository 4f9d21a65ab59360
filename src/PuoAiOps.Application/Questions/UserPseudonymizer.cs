using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Secrets;

namespace PuoAiOps.Application.Questions;

/// <summary>
/// Turns platform user ids into stable pseudonyms (<c>u_</c> + 20 hex digits of HMAC-SHA-256 with a
/// workspace key). The same user always gets the same reference, so reuse and recontact can be
/// measured, but the raw id is never stored and cannot be recovered without the key.
/// </summary>
public sealed class UserPseudonymizer
{
    public const string KeySetting = WorkspaceSecrets.UserIdKeySetting;
    private const int HexDigits = 20;

    private readonly byte[] _key;

    public UserPseudonymizer(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 16) throw new ArgumentException("The pseudonymisation key must have at least 16 bytes.", nameof(key));
        _key = key;
    }

    public string? Pseudonymize(string? userId)
    {
        if (string.IsNullOrWhiteSpace(userId)) return null;
        var normalized = userId.Trim();
        var bytes = Encoding.UTF8.GetBytes(normalized);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, bytes, mac);
        return string.Concat("u_", Convert.ToHexStringLower(mac[..(HexDigits / 2)]));
    }

    /// <summary>
    /// The configured key (<c>Import:UserIdKey</c>), else the workspace key, created on first use and
    /// stored encrypted (see <see cref="WorkspaceSecrets"/>).
    /// </summary>
    public static async Task<UserPseudonymizer> CreateAsync(PuoDbContext db, string? configuredKey, WorkspaceSecrets secrets, CancellationToken ct = default)
    {
        if (!string.IsNullOrEmpty(configuredKey)) return new UserPseudonymizer(Encoding.UTF8.GetBytes(configuredKey));
        await secrets.EnsureReadyAsync(db, ct);
        var stored = await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.Key == KeySetting, ct);
        if (stored is not null) return new UserPseudonymizer(Convert.FromBase64String(secrets.Open(KeySetting, stored.Value)));

        var key = RandomNumberGenerator.GetBytes(32);
        db.Settings.Add(new Setting { Key = KeySetting, Value = secrets.Seal(KeySetting, Convert.ToBase64String(key)) });
        try
        {
            await db.SaveChangesAsync(ct);
            return new UserPseudonymizer(key);
        }
        catch (DbUpdateException)
        {
            // Another instance created it first: use theirs, so every pseudonym in the workspace agrees.
            db.ChangeTracker.Clear();
            var winner = await db.Settings.AsNoTracking().FirstAsync(s => s.Key == KeySetting, ct);
            return new UserPseudonymizer(Convert.FromBase64String(secrets.Open(KeySetting, winner.Value)));
        }
    }
}
