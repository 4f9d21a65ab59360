using PuoAiOps.Core.Messages;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Admin;

/// <summary>
/// The one place users are created, re-roled, disabled and enabled, for the console, the REST API and
/// `puo users`: refuses to leave the workspace without an active admin, and writes every change to the
/// audit log (see <see cref="AuditActions"/>) in the same transaction.
/// </summary>
public sealed partial class UserAdminService(
    PuoDbContext db,
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    ILogger<UserAdminService> logger)
{
    /// <summary>Setting row inserted with the first admin: its primary key makes a concurrent second setup fail.</summary>
    public const string SetupMarkerKey = "workspace:setup-completed";

    public const string LastAdminError = "This is the last active admin. Make another user an admin first.";
    private const string SetupDoneError = "The workspace already has users: sign in instead.";

    // Serialises the "is there another active admin" check within an instance; the transaction covers the database.
    private static readonly SemaphoreSlim AdminChanges = new(1, 1);

    public Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken ct = default) => QueryAsync(null, ct);

    public async Task<UserSummary?> GetAsync(string userId, CancellationToken ct = default) =>
        (await QueryAsync(userId, ct)).SingleOrDefault();

    private async Task<IReadOnlyList<UserSummary>> QueryAsync(string? userId, CancellationToken ct)
    {
        var roleRows = await (from ur in db.UserRoles
                              join r in db.Roles on ur.RoleId equals r.Id
                              where userId == null || ur.UserId == userId
                              select new { ur.UserId, r.Name }).AsNoTracking().ToListAsync(ct);
        var roleByUser = roleRows.GroupBy(x => x.UserId)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Name!).OrderBy(RoleRank).First());
        var now = DateTimeOffset.UtcNow;
        var users = await db.Users.AsNoTracking().Where(u => userId == null || u.Id == userId).ToListAsync(ct);
        return users
            .OrderBy(u => u.IsDisabled).ThenBy(u => u.DisplayName, StringComparer.OrdinalIgnoreCase)
            .Select(u => new UserSummary(u.Id, u.Email ?? "", u.DisplayName, roleByUser.GetValueOrDefault(u.Id),
                u.IsDisabled, u.LockoutEnd > now, DateTime.SpecifyKind(u.CreatedAt, DateTimeKind.Utc), u.IsDemo))
            .ToList();
    }

    /// <summary>The first admin of an empty workspace; fails once any user exists.</summary>
    public async Task<UserCommandResult> CreateFirstAdminAsync(NewUserInput input, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.Users.AnyAsync(u => u.PasswordHash != null, ct)) return UserCommandResult.Refuse(UserErrors.SetupDone, SetupDoneError);
        try
        {
            db.Settings.Add(new Setting { Key = SetupMarkerKey, Value = DateTime.UtcNow.ToString("O") });
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return UserCommandResult.Refuse(UserErrors.SetupDone, SetupDoneError);
        }

        var result = await CreateUserAsync(input, Roles.Admin);
        if (!result.Succeeded) return result;
        db.AuditLog.Add(Audit(Actor.User(result.UserId!, DisplayNameOf(input)), AuditActions.WorkspaceSetup, result.UserId, CodedMessage.Of(AuditDetail.FirstAdminCreated)));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        LogUserCreated(logger, result.UserId!, Roles.Admin);
        return result;
    }

    public async Task<UserCommandResult> CreateAsync(Actor actor, NewUserInput input, CancellationToken ct = default)
    {
        var role = Roles.Parse(input.Role);
        if (role is null)
            return string.IsNullOrWhiteSpace(input.Role)
                ? UserCommandResult.Refuse(UserErrors.RoleRequired, "Choose a role.")
                : UserCommandResult.Refuse(UserErrors.UnknownRole, $"Unknown role '{input.Role}'. Roles: {string.Join(", ", Roles.All)}.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await CreateUserAsync(input, role);
        if (!result.Succeeded) return result;
        db.AuditLog.Add(Audit(actor, AuditActions.UserCreated, result.UserId, CodedMessage.Of(AuditDetail.UserCreated, AuditDetails.Role(role))));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        LogUserCreated(logger, result.UserId!, role);
        return result;
    }

    public Task<UserCommandResult> SetDisabledAsync(Actor actor, string userId, bool disabled, CancellationToken ct = default) =>
        ChangeAsync(userId, async (user, currentRole) =>
        {
            if (user.IsDisabled == disabled) return UserCommandResult.Ok(user.Id);
            if (disabled && currentRole == Roles.Admin && !await AnotherActiveAdminExistsAsync(user.Id, ct))
                return UserCommandResult.Refuse(UserErrors.LastAdmin, LastAdminError);
            user.IsDisabled = disabled;
            // A new stamp ends the user's open sessions (the console checks the stamp on every request).
            var updated = await users.UpdateSecurityStampAsync(user);
            if (!updated.Succeeded) return Failed(updated);
            db.AuditLog.Add(Audit(actor, disabled ? AuditActions.UserDisabled : AuditActions.UserEnabled, user.Id, null));
            return UserCommandResult.Ok(user.Id);
        }, ct);

    public Task<UserCommandResult> ChangeRoleAsync(Actor actor, string userId, string role, CancellationToken ct = default) =>
        ChangeAsync(userId, async (user, currentRole) =>
        {
            var newRole = Roles.Parse(role);
            if (newRole is null) return UserCommandResult.Refuse(UserErrors.UnknownRole, $"Unknown role '{role}'.");
            if (newRole == currentRole) return UserCommandResult.Ok(user.Id);
            if (currentRole == Roles.Admin && !user.IsDisabled && !await AnotherActiveAdminExistsAsync(user.Id, ct))
                return UserCommandResult.Refuse(UserErrors.LastAdmin, LastAdminError);
            var current = await users.GetRolesAsync(user);
            var removed = await users.RemoveFromRolesAsync(user, current);
            if (!removed.Succeeded) return Failed(removed);
            var added = await users.AddToRoleAsync(user, newRole);
            if (!added.Succeeded) return Failed(added);
            // Role claims live in the session cookie: a new stamp makes the user sign in again with the new role.
            var stamped = await users.UpdateSecurityStampAsync(user);
            if (!stamped.Succeeded) return Failed(stamped);
            db.AuditLog.Add(Audit(actor, AuditActions.UserRoleChanged, user.Id, CodedMessage.Of(AuditDetail.Changed, AuditDetails.Role(currentRole), AuditDetails.Role(newRole))));
            return UserCommandResult.Ok(user.Id);
        }, ct);

    private async Task<UserCommandResult> ChangeAsync(string userId, Func<AppUser, string?, Task<UserCommandResult>> change, CancellationToken ct)
    {
        await AdminChanges.WaitAsync(ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var user = await users.FindByIdAsync(userId);
            if (user is null) return UserCommandResult.Refuse(UserErrors.NoSuchUser, "No such user.");
            var currentRole = (await users.GetRolesAsync(user)).OrderBy(RoleRank).FirstOrDefault();
            var result = await change(user, currentRole);
            if (!result.Succeeded) return result;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return result;
        }
        finally
        {
            AdminChanges.Release();
        }
    }

    private async Task<UserCommandResult> CreateUserAsync(NewUserInput input, string role)
    {
        var email = input.Email.Trim();
        if (email.Length == 0 || !email.Contains('@', StringComparison.Ordinal)) return UserCommandResult.Refuse(UserErrors.EmailRequired, "An email address is required.");
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = DisplayNameOf(input),
            CreatedAt = DateTime.UtcNow,
        };
        var created = await users.CreateAsync(user, input.Password);
        if (!created.Succeeded) return Failed(created);
        var added = await users.AddToRoleAsync(user, role);
        return added.Succeeded ? UserCommandResult.Ok(user.Id) : Failed(added);
    }

    private async Task<bool> AnotherActiveAdminExistsAsync(string exceptUserId, CancellationToken ct) =>
        await (from ur in db.UserRoles
               join r in db.Roles on ur.RoleId equals r.Id
               join u in db.Users on ur.UserId equals u.Id
               where r.Name == Roles.Admin && !u.IsDisabled && u.Id != exceptUserId
               select u.Id).AnyAsync(ct);

    /// <summary>The name given, else the part of the email before the @ (the command line may leave it out).</summary>
    private static string DisplayNameOf(NewUserInput input) =>
        string.IsNullOrWhiteSpace(input.DisplayName) ? input.Email.Trim().Split('@')[0] : input.DisplayName.Trim();

    private static AuditEntry Audit(Actor actor, string action, string? userId, CodedMessage? detail) => new AuditEntry
    {
        At = DateTime.UtcNow,
        ActorId = actor.UserId,
        ActorName = actor.DisplayName,
        Action = action,
        EntityType = AuditActions.UserEntity,
        EntityId = userId,
    }.WithDetail(detail);

    private static UserCommandResult Failed(IdentityResult result) =>
        UserCommandResult.Fail([.. result.Errors.Select(e => e.Description)]) with { Codes = [.. result.Errors.Select(e => e.Code)] };

    /// <summary>Admin first, so a user holding several roles is shown by the most powerful one.</summary>
    private static int RoleRank(string role) => role == Roles.Admin ? -1 : Roles.All.ToList().IndexOf(role);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} created with role {Role}")]
    private static partial void LogUserCreated(ILogger logger, string userId, string role);
}
