using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Profile;

/// <summary>A signed-in user's own profile: display name and console language.</summary>
public sealed class UserProfileService(PuoDbContext db)
{
    public async Task<UserProfile?> GetAsync(string userId, CancellationToken ct = default)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct);
        return user is null ? null : await ToProfileAsync(user, ct);
    }

    /// <summary>The language the user picked, or null (none picked, or no such user).</summary>
    public Task<string?> PreferredCultureAsync(string userId, CancellationToken ct = default) =>
        db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.PreferredCulture).SingleOrDefaultAsync(ct);

    /// <summary>Validates and stores <paramref name="change"/>; nothing is written when a field is refused.</summary>
    public async Task<ProfileSaveResult> SaveAsync(string userId, ProfileChange change, CancellationToken ct = default)
    {
        var errors = ProfileRules.Check(change);
        if (errors.Count > 0) return new ProfileSaveResult(null, errors);

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct)
                   ?? throw new NotFoundException(CodedMessage.Of(ProfileRefusal.UserMissing, userId));
        var displayName = change.DisplayName!.Trim();
        var culture = ConsoleCultures.Normalize(change.PreferredCulture);
        if (user.DisplayName != displayName || user.PreferredCulture != culture)
        {
            db.AuditLog.Add(new AuditEntry
            {
                ActorId = user.Id,
                ActorName = displayName,
                Action = "profile.update",
                EntityType = nameof(AppUser),
                EntityId = user.Id,
            }.WithDetail(AuditDetail.Culture, culture is null ? CodedMessage.Of(AuditDetail.CultureBrowser) : culture));
            user.DisplayName = displayName;
            user.PreferredCulture = culture;
            await db.SaveChangesAsync(ct);
        }
        return new ProfileSaveResult(await ToProfileAsync(user, ct), new Dictionary<string, ProfileError>());
    }

    /// <summary>Sets only the language (the app bar's language picker).</summary>
    public async Task<ProfileSaveResult> SetCultureAsync(string userId, string? culture, CancellationToken ct = default)
    {
        var current = await GetAsync(userId, ct) ?? throw new NotFoundException(CodedMessage.Of(ProfileRefusal.UserMissing, userId));
        return await SaveAsync(userId, new ProfileChange(current.DisplayName, culture), ct);
    }

    private async Task<UserProfile> ToProfileAsync(AppUser user, CancellationToken ct)
    {
        var roles = await db.UserRoles.AsNoTracking().Where(ur => ur.UserId == user.Id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(ct);
        return new UserProfile(user.Id, user.Email ?? "", user.DisplayName, user.PreferredCulture, user.CreatedAt,
            Roles.All.Where(roles.Contains).ToList());
    }
}
