using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace PuoAiOps.Web.Tests.Infrastructure;

/// <summary>
/// The real console (Program) on a fresh SQLite database in a temporary folder, demo seeding off.
/// Runs in the Development environment on purpose: errors must hide stack traces there too.
/// </summary>
public class ConsoleFactory : WebApplicationFactory<Program>
{
    public ConsoleFactory()
    {
        DataDir = Path.Combine(Path.GetTempPath(), "puo-web-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDir);
    }

    public string DataDir { get; }

    /// <summary>Extra configuration (e.g. <c>Import:MaxFileBytes</c>); set before the host starts.</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.Ordinal);

    /// <summary>The hosting environment; Development unless a test needs Production behaviour (HSTS).</summary>
    public string EnvironmentName { get; set; } = "Development";

    /// <summary>Extra service registrations; added before the host starts.</summary>
    public List<Action<IServiceCollection>> ConfigureServices { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:DataDir", DataDir);
        builder.UseSetting("Demo:Seed", "false");
        // The suite signs in hundreds of times from one (test server) address; the limit tests set their own.
        builder.UseSetting("SignIn:AddressPermitLimit", "1000000");
        builder.UseSetting("SignIn:AccountPermitLimit", "1000000");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        // Same hashing algorithm, fewer PBKDF2 rounds: the suite signs in a few hundred times on 2 cores.
        builder.ConfigureServices(services => services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000));
        foreach (var configure in ConfigureServices) builder.ConfigureServices(configure);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finishing background task: the OS temp cleaner gets it.
        }
    }
}
