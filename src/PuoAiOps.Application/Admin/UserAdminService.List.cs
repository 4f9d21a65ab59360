using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Admin;

public sealed partial class UserAdminService
{
    public const int MaxPageSize = 200;

    /// <summary>
    /// One page of users, filtered, sorted and counted by the database; the console's users table pages
    /// through this rather than the whole list.
    /// </summary>
    public async Task<UserListPage> PageAsync(UserListQuery query, CancellationToken ct = default)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLowerInvariant();
#pragma warning disable CA1862 // lower() + contains translates on SQLite and PostgreSQL alike
            users = users.Where(u => u.DisplayName.ToLower().Contains(term) || (u.Email != null && u.Email.ToLower().Contains(term)));
#pragma warning restore CA1862
        }
        if (Roles.Parse(query.Role) is { } role)
            users = users.Where(u => (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id && r.Name == role select ur).Any());
        if (query.Disabled is { } disabled) users = users.Where(u => u.IsDisabled == disabled);

        var total = await users.CountAsync(ct);
        var ordered = (query.Sort, query.Descending) switch
        {
            (UserSort.Name, false) => users.OrderBy(u => u.DisplayName),
            (UserSort.Name, true) => users.OrderByDescending(u => u.DisplayName),
            (UserSort.Email, false) => users.OrderBy(u => u.Email),
            (UserSort.Email, true) => users.OrderByDescending(u => u.Email),
            (UserSort.Created, false) => users.OrderBy(u => u.CreatedAt),
            (UserSort.Created, true) => users.OrderByDescending(u => u.CreatedAt),
            (_, false) => users.OrderBy(u => u.IsDisabled).ThenBy(u => u.DisplayName),
            (_, true) => users.OrderByDescending(u => u.IsDisabled).ThenBy(u => u.DisplayName),
        };
        var page = Math.Max(1, query.Page);
        var ids = await ordered.ThenBy(u => u.Id).Skip((page - 1) * pageSize).Take(pageSize).Select(u => u.Id).ToListAsync(ct);
        var rows = await SummariesAsync(ids, ct);
        return new UserListPage(ids.Select(id => rows[id]).ToList(), total);
    }

    private async Task<Dictionary<string, UserSummary>> SummariesAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        var roleRows = await (from ur in db.UserRoles
                              join r in db.Roles on ur.RoleId equals r.Id
                              where ids.Contains(ur.UserId)
                              select new { ur.UserId, r.Name }).AsNoTracking().ToListAsync(ct);
        var roleByUser = roleRows.GroupBy(x => x.UserId)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Name!).OrderBy(RoleRank).First());
        var now = DateTimeOffset.UtcNow;
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync(ct);
        return users.ToDictionary(u => u.Id, u => new UserSummary(u.Id, u.Email ?? "", u.DisplayName, roleByUser.GetValueOrDefault(u.Id),
            u.IsDisabled, u.LockoutEnd > now, DateTime.SpecifyKind(u.CreatedAt, DateTimeKind.Utc), u.IsDemo));
    }
}
