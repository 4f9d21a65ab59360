using Microsoft.AspNetCore.Identity;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Admin;

public sealed partial class UserAdminService
{
    /// <summary>
    /// Creates the five role rows if missing: at every console start, and before `puo users add`,
    /// which may run against a database no console has opened yet. Idempotent, safe from several instances.
    /// </summary>
    public async Task EnsureRolesAsync(CancellationToken ct = default)
    {
        foreach (var role in Roles.All)
        {
            ct.ThrowIfCancellationRequested();
            if (await roles.RoleExistsAsync(role)) continue;
            var result = await roles.CreateAsync(new IdentityRole(role));
            // Another instance may have created it between the check and the insert.
            if (!result.Succeeded && !await roles.RoleExistsAsync(role))
                throw new InvalidOperationException($"Could not create role {role}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
