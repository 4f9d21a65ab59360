using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Tests.Infrastructure;

namespace PuoAiOps.Application.Tests.Admin;

/// <summary>A migrated SQLite workspace with the user administration as the command line wires it (Identity core, no cookies).</summary>
internal sealed class UserAdminTestBed : IAsyncDisposable
{
    public const string Password = "correct horse battery";

    private readonly ServiceProvider _services;

    private UserAdminTestBed(TempWorkspace workspace, ServiceProvider services) => (Workspace, _services) = (workspace, services);

    public TempWorkspace Workspace { get; }

    public static async Task<UserAdminTestBed> CreateAsync()
    {
        var workspace = await TempWorkspace.CreateAsync();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddDbContext<PuoDbContext>(o => DbContextConfigurator.Configure(o, workspace.Options));
        services.AddPuoIdentityCore();
        var bed = new UserAdminTestBed(workspace, services.BuildServiceProvider(validateScopes: true));
        await bed.RunAsync(s => s.EnsureRolesAsync(TestContext.Current.CancellationToken));
        return bed;
    }

    /// <summary>Each call in its own scope, as each request or command is.</summary>
    public async Task<T> RunAsync<T>(Func<UserAdminService, Task<T>> action)
    {
        await using var scope = _services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<UserAdminService>());
    }

    public Task RunAsync(Func<UserAdminService, Task> action) => RunAsync(async s => { await action(s); return 0; });

    public async Task<string> CreateAsync(Actor actor, string email, string role)
    {
        var result = await RunAsync(s => s.CreateAsync(actor, new NewUserInput { Email = email, DisplayName = email.Split('@')[0], Password = Password, Role = role },
            TestContext.Current.CancellationToken));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return result.UserId!;
    }

    public async Task<List<AuditEntry>> AuditAsync()
    {
        await using var db = Workspace.NewContext();
        return await db.AuditLog.AsNoTracking().OrderBy(e => e.Id).ToListAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Workspace.DisposeAsync();
    }
}
