using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Application.SignIn;

/// <summary>
/// Whether the workspace has its first user who can sign in (demo annotators have no password and
/// do not count). Such users are never deleted, so once true it stays true
/// and is cached; while false every check asks the database, so an instance notices at once when
/// another instance completed the setup.
/// </summary>
public sealed class WorkspaceSetupState
{
    private volatile bool _hasUsers;

    /// <summary>Reads through the caller's scope (<paramref name="services"/>: a request's), never a scope of its own.</summary>
    public async Task<bool> HasUsersAsync(IServiceProvider services, CancellationToken ct = default)
    {
        if (_hasUsers) return true;
        _hasUsers = await services.GetRequiredService<PuoDbContext>().Users.AnyAsync(u => u.PasswordHash != null, ct);
        return _hasUsers;
    }

    public void MarkHasUsers() => _hasUsers = true;
}
