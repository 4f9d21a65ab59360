using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace PuoAiOps.Benchmarks;

/// <summary>
/// The console on Kestrel at a free loopback port with a temporary SQLite workspace, for scenarios that measure
/// it from outside (a browser, an HTTP load generator). <paramref name="environment"/>: Development serves the
/// framework's and MudBlazor's static assets from the build output (pages); Production is what a deployment runs
/// (the API). <paramref name="seedDemo"/>: seed the demo workspace at start, as the README's first command does.
/// </summary>
internal sealed class ConsoleHost(string environment, bool seedDemo) : WebApplicationFactory<PuoAiOps.Web.Hosting.AssetPaths>
{
    private readonly string _dataDir = CreateDataDir();

    private static string CreateDataDir()
    {
        // The factory finds the web project's content root by this variable when run outside a test project.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PuoAiOps.sln")))
                Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_PUOAIOPS_WEB", Path.Combine(dir.FullName, "src", "PuoAiOps.Web"));
        var dataDir = Path.Combine(Path.GetTempPath(), "puo-console-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDir);
        return dataDir;
    }

    /// <summary>Starts the server (start-up tasks, demo seeding included, run first) and returns its base address.</summary>
    public string Start()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:DataDir", _dataDir);
        builder.UseSetting("Demo:Seed", seedDemo ? "true" : "false");
        builder.UseSetting("Metrics:ScheduleEnabled", "false");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { /* left for the OS temp cleaner */ }
    }
}
