using Microsoft.AspNetCore.Identity;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Web.Startup;

/// <summary>Creates the five roles of the design when missing (idempotent, safe on every start).</summary>
internal sealed class EnsureRolesTask(RoleManager<IdentityRole> roles) : IStartupTask
{
    public async Task RunAsync(CancellationToken ct)
    {
        foreach (var role in Roles.All)
        {
            if (await roles.RoleExistsAsync(role)) continue;
            var result = await roles.CreateAsync(new IdentityRole(role));
            // Another instance may have created it between the check and the insert.
            if (!result.Succeeded && !await roles.RoleExistsAsync(role))
                throw new InvalidOperationException($"Could not create role {role}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
