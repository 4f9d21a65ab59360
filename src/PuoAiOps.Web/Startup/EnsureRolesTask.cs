using PuoAiOps.Application.Admin;

namespace PuoAiOps.Web.Startup;

/// <summary>Creates the five roles of the design when missing (idempotent, safe on every start).</summary>
internal sealed class EnsureRolesTask(UserAdminService admin) : IStartupTask
{
    public Task RunAsync(CancellationToken ct) => admin.EnsureRolesAsync(ct);
}
