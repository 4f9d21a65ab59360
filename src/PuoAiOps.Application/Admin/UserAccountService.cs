using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Admin;

public sealed record UserAccountResult(bool Succeeded, string? UserId, IReadOnlyList<string> Errors)
{
    public static UserAccountResult Fail(params string[] errors) => new(false, null, errors);
}

/// <summary>Creates console users with one role each; used by first-run setup, the admin pages and `puo users add`.</summary>
public sealed class UserAccountService(UserManager<AppUser> users, RoleManager<IdentityRole> roles, PuoDbContext db)
{
    /// <summary>Creates the five role rows if missing (idempotent, safe at every start).</summary>
    public async Task EnsureRolesAsync(CancellationToken ct = default)
    {
        foreach (var role in Roles.All)
        {
            ct.ThrowIfCancellationRequested();
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
        }
    }

    public async Task<UserAccountResult> CreateAsync(string email, string? displayName, string role, string password,
        string? actorId, CancellationToken ct = default)
    {
        var canonicalRole = Roles.Parse(role);
        if (canonicalRole is null)
            return UserAccountResult.Fail($"Unknown role '{role}'. Roles: {string.Join(", ", Roles.All)}.");
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal))
            return UserAccountResult.Fail("An email address is required.");

        await EnsureRolesAsync(ct);
        var user = new AppUser
        {
            UserName = email.Trim(),
            Email = email.Trim(),
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? email.Trim().Split('@')[0] : displayName.Trim(),
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
            return new UserAccountResult(false, null, created.Errors.Select(e => e.Description).ToList());
        var added = await users.AddToRoleAsync(user, canonicalRole);
        if (!added.Succeeded)
        {
            await users.DeleteAsync(user);
            return new UserAccountResult(false, null, added.Errors.Select(e => e.Description).ToList());
        }
        db.AuditLog.Add(new AuditEntry
        {
            ActorId = actorId,
            ActorName = actorId is null ? "system" : actorId,
            Action = "user.create",
            EntityType = nameof(AppUser),
            EntityId = user.Id,
            Detail = $"role={canonicalRole}",
        });
        await db.SaveChangesAsync(ct);
        return new UserAccountResult(true, user.Id, []);
    }

    /// <summary>True when at least one user who can sign in exists (demo users have no password).</summary>
    public Task<bool> AnyLoginUserAsync(CancellationToken ct = default) =>
        db.Users.AnyAsync(u => u.PasswordHash != null, ct);
}
