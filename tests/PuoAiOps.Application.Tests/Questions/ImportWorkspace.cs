using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Questions;

namespace PuoAiOps.Application.Tests.Questions;

/// <summary>A migrated SQLite workspace in a temp folder, deleted afterwards.</summary>
internal sealed class ImportWorkspace : IAsyncDisposable
{
    private readonly List<PuoDbContext> _contexts = [];

    private ImportWorkspace(string dir) => Dir = dir;

    public string Dir { get; }
    public DatabaseOptions Database => new() { DataDir = Dir };

    /// <summary>The workspace key (a key file in the folder, created on first use), shared by every service of this workspace.</summary>
    public PuoAiOps.Application.Secrets.WorkspaceSecrets Secrets => _secrets ??= new(new PuoAiOps.Application.Secrets.SecretsOptions(), Dir);

    private PuoAiOps.Application.Secrets.WorkspaceSecrets? _secrets;

    public static async Task<ImportWorkspace> CreateAsync()
    {
        var dir = Path.Combine(Path.GetTempPath(), "puo-import-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var workspace = new ImportWorkspace(dir);
        await new SchemaMigrator(workspace.NewContext()).MigrateAsync(TestContext.Current.CancellationToken);
        return workspace;
    }

    /// <summary>A fresh context, as a new process or request would have.</summary>
    public PuoDbContext NewContext()
    {
        var db = DbContextConfigurator.Create(Database);
        _contexts.Add(db);
        return db;
    }

    public QuestionImportService Service(ImportOptions? options = null, PuoDbContext? db = null)
    {
        db ??= NewContext();
        return new QuestionImportService(db, new PiiPatternStore(db), Options.Create(options ?? new ImportOptions()), Secrets);
    }

    public string WriteFile(string name, string content)
    {
        var path = Path.Combine(Dir, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    /// <summary>A CSV of <paramref name="rows"/> distinct questions.</summary>
    public string WriteDistinctRows(string name, int rows)
    {
        var sb = new StringBuilder("text,external_id\n");
        for (var i = 0; i < rows; i++) sb.Append("why did my gift number ").Append(i).Append(" not arrive?,q").Append(i).Append('\n');
        return WriteFile(name, sb.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var db in _contexts) await db.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
    }
}

internal sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
