using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Escalations;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Tests.Infrastructure;

namespace PuoAiOps.Application.Tests.Escalations;

/// <summary>
/// A migrated SQLite workspace with a curator, a reviewer, a viewer and a disabled curator (real
/// Identity rows, so eligibility is read as in production), the escalation services, and helpers
/// that insert conversations with their escalation.
/// </summary>
internal sealed class EscalationTestBed : IAsyncDisposable
{
    private readonly TempWorkspace _workspace;
    private readonly ServiceProvider _services;

    private EscalationTestBed(TempWorkspace workspace)
    {
        _workspace = workspace;
        var services = new ServiceCollection();
        services.AddDbContext<PuoDbContext>(o => DbContextConfigurator.Configure(o, workspace.Options));
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddEscalationServices();
        _services = services.BuildServiceProvider();
    }

    public Actor Curator { get; } = Actor.User("u-cora", "Cora Curator", Roles.Curator);
    public Actor Reviewer { get; } = Actor.User("u-rex", "Rex Reviewer", Roles.Reviewer);
    public Actor Viewer { get; } = Actor.User("u-vic", "Vic Viewer", Roles.Viewer);
    public const string DisabledCurator = "u-dan";
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<EscalationTestBed> CreateAsync()
    {
        var bed = new EscalationTestBed(await TempWorkspace.CreateAsync());
        await using var db = bed.NewContext();
        var roles = Roles.All.ToDictionary(r => r, r => new IdentityRole(r) { NormalizedName = r.ToUpperInvariant() });
        db.Roles.AddRange(roles.Values);
        void User(string id, string name, string role, bool disabled = false)
        {
            db.Users.Add(new AppUser { Id = id, UserName = id, NormalizedUserName = id.ToUpperInvariant(), DisplayName = name, IsDisabled = disabled });
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = id, RoleId = roles[role].Id });
        }
        User(bed.Curator.UserId!, bed.Curator.DisplayName, Roles.Curator);
        User(bed.Reviewer.UserId!, bed.Reviewer.DisplayName, Roles.Reviewer);
        User(bed.Viewer.UserId!, bed.Viewer.DisplayName, Roles.Viewer);
        User(DisabledCurator, "Dan Disabled", Roles.Curator, disabled: true);
        await db.SaveChangesAsync(Ct);
        return bed;
    }

    public PuoDbContext NewContext() => _workspace.NewContext();

    /// <summary>A scope of its own per call, as the console and the API use the services.</summary>
    public async Task<T> RunAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public Task<EscalationOutcomeView> DeskAsync(Func<EscalationDesk, Task<EscalationOutcomeView>> work) => RunAsync(work);

    public Task<EscalationPage> SearchAsync(EscalationFilter filter, string? me = null) => RunAsync<EscalationQueue, EscalationPage>(q => q.SearchAsync(filter, me, Ct));

    /// <summary>A conversation (one user turn) handed over with <paramref name="reason"/>; returns the escalation id.</summary>
    public async Task<long> AddAsync(string reason = "user asked for an agent", DateTime? createdAt = null, string locale = "en", string channel = "app",
        EscalationStatus status = EscalationStatus.Open, string? assignee = null, string question = "I want a person")
    {
        await using var db = NewContext();
        var at = createdAt ?? DateTime.UtcNow.AddHours(-1);
        var conversation = new Conversation { UserRef = "user-" + Guid.NewGuid().ToString("N")[..8], Locale = locale, Channel = channel, StartedAt = at.AddMinutes(-2), Outcome = ConversationOutcome.Escalated };
        conversation.Turns.Add(new Turn { Ordinal = 1, Role = TurnRole.User, Text = question, CreatedAt = at.AddMinutes(-1) });
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync(Ct);
        var e = new Escalation { ConversationId = conversation.Id, Reason = reason, CreatedAt = at, Status = status, AssigneeId = assignee };
        db.Escalations.Add(e);
        await db.SaveChangesAsync(Ct);
        return e.Id;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _workspace.DisposeAsync();
    }
}
