using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.SignIn;

/// <summary>Ends a lockout and forgets the failed attempts (`puo users unlock`), with an audit entry.</summary>
public sealed class AccountUnlockService(UserManager<AppUser> users, PuoDbContext db, ILogger<AccountUnlockService> logger)
{
    public const string AuditAction = "user.unlocked";

    /// <summary>Null when there is no such account; else whether it was locked before.</summary>
    public async Task<bool?> UnlockAsync(string email, string actorName, CancellationToken ct = default)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null) return null;
        var wasLocked = await users.IsLockedOutAsync(user);
        var ended = await users.SetLockoutEndDateAsync(user, null);
        var reset = await users.ResetAccessFailedCountAsync(user);
        if (!ended.Succeeded || !reset.Succeeded)
            throw new InvalidOperationException(string.Join(" ", ended.Errors.Concat(reset.Errors).Select(e => e.Description)));
        db.AuditLog.Add(new AuditEntry
        {
            ActorName = actorName,
            Action = AuditAction,
            EntityType = "User",
            EntityId = user.Id,
        }.WithDetail(wasLocked ? AuditDetail.LockoutEnded : AuditDetail.AttemptsCleared));
        await db.SaveChangesAsync(ct);
        SignInLog.AccountUnlocked(logger, user.Id, actorName);
        return wasLocked;
    }
}
