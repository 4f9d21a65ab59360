using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Application.Tests.Infrastructure;

/// <summary>A migrated SQLite workspace in a temp folder, deleted on dispose.</summary>
public sealed class TempWorkspace : IAsyncDisposable
{
    private TempWorkspace(string dataDir) => Options = new DatabaseOptions { DataDir = dataDir };

    public DatabaseOptions Options { get; }
    public string DataDir => Options.DataDir;

    public static async Task<TempWorkspace> CreateAsync(bool migrate = true)
    {
        var dir = Path.Combine(Path.GetTempPath(), "puo-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var workspace = new TempWorkspace(dir);
        if (migrate)
        {
            await using var db = workspace.NewContext();
            await new SchemaMigrator(db).MigrateAsync();
        }
        return workspace;
    }

    public PuoDbContext NewContext() => DbContextConfigurator.Create(Options);

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return ValueTask.CompletedTask;
    }
}
