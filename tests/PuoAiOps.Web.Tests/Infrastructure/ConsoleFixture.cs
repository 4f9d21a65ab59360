using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Admin;

namespace PuoAiOps.Web.Tests.Infrastructure;

/// <summary>
/// One console per test class (use as <c>IClassFixture&lt;ConsoleFixture&gt;</c>) on an empty
/// workspace: no users until a test creates them. Derive to seed more (see <see cref="TeamFixture"/>).
/// </summary>
public class ConsoleFixture : IAsyncLifetime
{
    public const string Password = "correct horse battery staple";

    public ConsoleFactory Factory { get; } = new();

    public IServiceProvider Services => Factory.Services;

    public virtual ValueTask InitializeAsync()
    {
        // Starts the host: migrations and start-up tasks run here, once per class.
        _ = Factory.Server;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A client with its own cookie jar that does not follow redirects.</summary>
    public ConsoleClient CreateClient() =>
        new(Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>Creates a user straight in the database (not through the UI).</summary>
    public async Task<AppUser> CreateUserAsync(string role, string? email = null, string password = Password, bool disabled = false)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.test";
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Test {role}", IsDisabled = disabled };
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        var added = await users.AddToRoleAsync(user, role);
        Assert.True(added.Succeeded, string.Join("; ", added.Errors.Select(e => e.Description)));
        return user;
    }

    /// <summary>Signs in through the real login form (antiforgery included) and returns the signed-in client.</summary>
    public async Task<ConsoleClient> SignInAsync(string email, string password = Password)
    {
        var client = CreateClient();
        using var response = await TrySignInAsync(client, email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath);
        await client.GetPageAsync("/");
        // The request token for posts with the X-CSRF-TOKEN header: the overview is interactive (no form), so ask the API for it.
        await client.LoadRequestTokenAsync();
        return client;
    }

    /// <summary>Posts the login form once; the caller checks the outcome.</summary>
    public static async Task<HttpResponseMessage> TrySignInAsync(ConsoleClient client, string email, string password)
    {
        var login = await client.GetPageAsync("/login");
        Assert.Equal(HttpStatusCode.OK, login.Status);
        return await client.SubmitAsync(login, "form[action='/login']", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
    }

    public async Task<T> WithDbAsync<T>(Func<PuoDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PuoDbContext>());
    }

    public async Task<T> WithServiceAsync<TService, T>(Func<TService, Task<T>> action) where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }
}

/// <summary>A workspace set up through the first-admin path, plus one user of every other role.</summary>
public class TeamFixture : ConsoleFixture
{
    public Dictionary<string, AppUser> Users { get; } = new(StringComparer.Ordinal);

    public AppUser Admin => Users[Roles.Admin];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var result = await WithServiceAsync<UserAdminService, UserCommandResult>(s => s.CreateFirstAdminAsync(new NewUserInput
        {
            Email = "admin@example.test",
            DisplayName = "Ada Admin",
            Password = Password,
            ConfirmPassword = Password,
        }));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Users[Roles.Admin] = (await WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Id == result.UserId))));
        foreach (var role in Roles.All.Where(r => r != Roles.Admin))
            Users[role] = await CreateUserAsync(role, $"{role.ToLowerInvariant()}@example.test");
    }

    public Task<ConsoleClient> SignInAsAsync(string role) => SignInAsync(Users[role].Email!);
}
