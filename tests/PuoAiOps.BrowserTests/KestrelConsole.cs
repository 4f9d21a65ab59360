using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.BrowserTests;

/// <summary>
/// The real console on Kestrel at a free 127.0.0.1 port, with an empty SQLite workspace in a temp
/// folder (demo seeding off), so a real browser can drive it.
/// </summary>
public sealed class KestrelConsole : WebApplicationFactory<Program>
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "puo-browser-tests", Guid.NewGuid().ToString("N"));

    public KestrelConsole()
    {
        Directory.CreateDirectory(_dataDir);
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>Extra configuration (e.g. <c>Import:MaxRows</c>); set before <see cref="Start"/>.</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.Ordinal);

    /// <summary>Base address such as <c>http://127.0.0.1:41234</c>, once <see cref="Start"/> ran.</summary>
    public Uri BaseAddress { get; private set; } = default!;

    public KestrelConsole Start()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address);
        return this;
    }

    /// <summary>A confirmed user in <paramref name="role"/> (the console has no users of its own: demo seeding is off).</summary>
    public async Task<AppUser> AddUserAsync(string email, string password, string displayName, string role)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        var added = await users.AddToRoleAsync(user, role);
        Assert.True(added.Succeeded, string.Join("; ", added.Errors.Select(e => e.Description)));
        return user;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:DataDir", _dataDir);
        builder.UseSetting("Demo:Seed", "false");
        // The rollup and report schedule would write to the database while a walkthrough clicks through it.
        builder.UseSetting("Metrics:ScheduleEnabled", "false");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // left for the OS temp cleaner
        }
    }
}
