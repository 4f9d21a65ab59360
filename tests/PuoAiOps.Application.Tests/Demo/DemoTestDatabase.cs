using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Application.Tests.Demo;

/// <summary>A migrated SQLite database in its own temp folder, deleted on dispose.</summary>
public sealed class DemoTestDatabase : IAsyncDisposable
{
    private DemoTestDatabase(string dir) => Directory = dir;

    public string Directory { get; }

    public static async Task<DemoTestDatabase> CreateAsync()
    {
        var dir = Path.Combine(Path.GetTempPath(), "puo-demo-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(dir);
        var database = new DemoTestDatabase(dir);
        await using var db = database.Open();
        await new SchemaMigrator(db).MigrateAsync();
        return database;
    }

    public PuoDbContext Open() => DbContextConfigurator.Create(new DatabaseOptions { DataDir = Directory });

    public ValueTask DisposeAsync()
    {
        // Pooled SQLite connections keep the file open; release this database's pool before deleting the folder.
        using (var db = Open())
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(db.Database.GetConnectionString()))
            Microsoft.Data.Sqlite.SqliteConnection.ClearPool(connection);
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { /* a leftover temp folder is harmless */ }
        return ValueTask.CompletedTask;
    }
}

/// <summary>A clock stopped at one instant, so seeded timestamps are reproducible.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static readonly DateTimeOffset Default = new(2025, 6, 18, 9, 30, 0, TimeSpan.Zero);

    public FixedClock() : this(Default) { }

    public override DateTimeOffset GetUtcNow() => now;
}
