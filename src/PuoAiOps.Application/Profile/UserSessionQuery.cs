using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Application.Profile;

/// <summary>What an open session must still match: the account's stamp, whether it is enabled, its roles.</summary>
public sealed record UserSessionState(string? SecurityStamp, bool IsDisabled, IReadOnlyList<string> Roles);

/// <summary>
/// Reads the current state of an account for open sessions: a cookie on every request
/// (<see cref="IsCurrentAsync"/>, one read by primary key) and an interactive circuit that outlives
/// its request (<see cref="GetAsync"/>, two).
/// </summary>
public sealed class UserSessionQuery(PuoDbContext db)
{
    /// <summary>The account's state, or null when it no longer exists.</summary>
    public async Task<UserSessionState?> GetAsync(string userId, CancellationToken ct = default)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.IsDisabled })
            .SingleOrDefaultAsync(ct);
        if (user is null) return null;
        var roles = await db.UserRoles.AsNoTracking().Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(ct);
        return new UserSessionState(user.SecurityStamp, user.IsDisabled, roles);
    }

    /// <summary>
    /// Whether a session issued with <paramref name="securityStamp"/> is still good: the account exists,
    /// is enabled, and its stamp has not changed since (sign-out everywhere, role change, disable, new password).
    /// </summary>
    public async Task<bool> IsCurrentAsync(string userId, string? securityStamp, CancellationToken ct = default)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.IsDisabled })
            .SingleOrDefaultAsync(ct);
        return user is not null && !user.IsDisabled && string.Equals(user.SecurityStamp, securityStamp, StringComparison.Ordinal);
    }
}
