using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Scripts;

/// <summary>
/// The look-ups the script pages need beside the scripts themselves: who may own a script, the
/// names of the people in a script's history, and the intents a new script can be written for.
/// </summary>
public sealed class ScriptDirectory(PuoDbContext db)
{
    /// <summary>Curators and admins (who may edit scripts) plus anyone already owning one, by name.</summary>
    public async Task<IReadOnlyList<ScriptPerson>> OwnersAsync(CancellationToken ct = default)
    {
        var editorRoleIds = await db.Roles.AsNoTracking().Where(r => r.Name == Roles.Curator || r.Name == Roles.Admin).Select(r => r.Id).ToListAsync(ct);
        var editors = await db.UserRoles.AsNoTracking().Where(ur => editorRoleIds.Contains(ur.RoleId)).Select(ur => ur.UserId).ToListAsync(ct);
        var owners = await db.Scripts.AsNoTracking().Where(s => s.OwnerId != null).Select(s => s.OwnerId!).Distinct().ToListAsync(ct);
        var ids = editors.Concat(owners).Distinct(StringComparer.Ordinal).ToList();
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new ScriptPerson(u.Id, u.DisplayName)).ToListAsync(ct);
        return people.OrderBy(p => p.DisplayName, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    /// <summary>
    /// Who a script may be handed to: active accounts with a role that edits scripts (Curator, Admin), by name.
    /// <see cref="ScriptEditor.ChangeOwnerAsync"/> refuses anyone else.
    /// </summary>
    public async Task<IReadOnlyList<ScriptPerson>> EligibleOwnersAsync(CancellationToken ct = default)
    {
        var people = await EligibleOwners(db).Select(u => new ScriptPerson(u.Id, u.DisplayName)).ToListAsync(ct);
        return people.OrderBy(p => p.DisplayName, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    internal static IQueryable<AppUser> EligibleOwners(PuoDbContext db) =>
        from u in db.Users.AsNoTracking()
        where !u.IsDisabled && (from ur in db.UserRoles
                                join r in db.Roles on ur.RoleId equals r.Id
                                where ur.UserId == u.Id && (r.Name == Roles.Curator || r.Name == Roles.Admin)
                                select ur).Any()
        select u;

    /// <summary>Display names by user id (ids without an account are left out).</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IEnumerable<string?> userIds, CancellationToken ct = default)
    {
        var ids = userIds.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0) return new Dictionary<string, string>(StringComparer.Ordinal);
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, StringComparer.Ordinal, ct);
    }

    /// <summary>Active intents whose key, names or description contain <paramref name="search"/> (all when blank), keys first.</summary>
    public async Task<IReadOnlyList<ScriptIntentChoice>> IntentsAsync(string? search = null, int take = 50, CancellationToken ct = default)
    {
        var intents = await db.Intents.AsNoTracking().Where(i => i.Status == IntentStatus.Active)
            .Select(i => new ScriptIntentChoice(i.Key, i.Names, i.Description)).ToListAsync(ct);
        var text = search?.Trim() ?? "";
        return intents
            .Where(i => text.Length == 0 || i.Key.Contains(text, StringComparison.OrdinalIgnoreCase)
                || i.Names.Values.Any(n => n.Contains(text, StringComparison.OrdinalIgnoreCase))
                || i.Description.Contains(text, StringComparison.OrdinalIgnoreCase))
            .OrderBy(i => text.Length > 0 && i.Key.StartsWith(text, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(i => i.Key, StringComparer.Ordinal)
            .Take(Math.Clamp(take, 1, 200)).ToList();
    }
}
