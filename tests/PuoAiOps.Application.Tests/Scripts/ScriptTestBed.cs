using Microsoft.Extensions.Logging.Abstractions;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Scripts;
using PuoAiOps.Application.Tests.Taxonomy;

namespace PuoAiOps.Application.Tests.Scripts;

/// <summary>The taxonomy test bed (SQLite or PostgreSQL) plus the script services over a fresh context.</summary>
internal sealed class ScriptTestBed : IAsyncDisposable
{
    private ScriptTestBed(TaxonomyTestBed bed) => Bed = bed;

    public TaxonomyTestBed Bed { get; }
    public int DomainId { get; private set; }

    public static async Task<ScriptTestBed> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var bed = new ScriptTestBed(await TaxonomyTestBed.CreateAsync(provider));
        bed.DomainId = await bed.Bed.AddDomainAsync("payments");
        return bed;
    }

    public sealed record Services(PuoDbContext Db, ScriptEditor Editor, ScriptReview Review, ScriptLibrary Library, ScriptInsights Insights, ScriptFiles Files) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Db.DisposeAsync();
    }

    public Services Open()
    {
        var db = Bed.NewContext();
        var rules = new StyleRuleSettings(db);
        var editor = new ScriptEditor(db, rules, NullLogger<ScriptEditor>.Instance);
        var library = new ScriptLibrary(db, editor);
        return new Services(db, editor, new ScriptReview(db, editor, NullLogger<ScriptReview>.Instance), library,
            new ScriptInsights(db, library), new ScriptFiles(db, rules, library, NullLogger<ScriptFiles>.Instance));
    }

    public Task<int> AddIntentAsync(string key, IntentStatus status = IntentStatus.Active, Action<Intent>? configure = null) =>
        Bed.AddIntentAsync(DomainId, key, status, configure);

    public ValueTask DisposeAsync() => Bed.DisposeAsync();
}
