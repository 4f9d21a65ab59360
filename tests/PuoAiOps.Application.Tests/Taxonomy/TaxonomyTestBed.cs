using Microsoft.Extensions.Logging.Abstractions;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Taxonomy;
using PuoAiOps.Application.Taxonomy.Changes;
using PuoAiOps.Application.Taxonomy.Yaml;
using PuoAiOps.Application.Tests.Infrastructure;
using PuoAiOps.Core.Text;

namespace PuoAiOps.Application.Tests.Taxonomy;

/// <summary>
/// A migrated workspace (a temp SQLite file, or a fresh PostgreSQL database when asked) with one
/// curator and two reviewers, and helpers that insert rows directly.
/// </summary>
internal sealed class TaxonomyTestBed : IAsyncDisposable
{
    private readonly TempWorkspace? _workspace;
    private readonly ScratchPostgresDatabase? _postgres;
    private int _questionSeq;

    private TaxonomyTestBed(DatabaseOptions options, TempWorkspace? workspace, ScratchPostgresDatabase? postgres)
    {
        Options = options;
        _workspace = workspace;
        _postgres = postgres;
    }

    public DatabaseOptions Options { get; }
    public Actor Curator { get; } = Actor.User("u-curator", "Cora Curator", Roles.Curator);
    public Actor Reviewer { get; } = Actor.User("u-reviewer", "Rex Reviewer", Roles.Reviewer);
    public Actor Reviewer2 { get; } = Actor.User("u-reviewer2", "Rita Reviewer", Roles.Reviewer);
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<TaxonomyTestBed> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        TaxonomyTestBed bed;
        if (provider == DatabaseProvider.Postgres)
        {
            var scratch = await ScratchPostgresDatabase.CreateAsync("tax", Ct);
            var options = new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = scratch.ConnectionString };
            bed = new TaxonomyTestBed(options, null, scratch);
            await using var migrating = bed.NewContext();
            await new SchemaMigrator(migrating).MigrateAsync(Ct);
        }
        else
        {
            var workspace = await TempWorkspace.CreateAsync();
            bed = new TaxonomyTestBed(workspace.Options, workspace, null);
        }
        await using var db = bed.NewContext();
        foreach (var actor in new[] { bed.Curator, bed.Reviewer, bed.Reviewer2 })
            db.Users.Add(new AppUser { Id = actor.UserId!, UserName = actor.UserId, NormalizedUserName = actor.UserId!.ToUpperInvariant(), DisplayName = actor.DisplayName });
        await db.SaveChangesAsync(Ct);
        return bed;
    }

    public PuoDbContext NewContext() => DbContextConfigurator.Create(Options);

    public static TaxonomyChangeService Changes(PuoDbContext db) => new(db, NullLogger<TaxonomyChangeService>.Instance);

    public static TaxonomyYaml Yaml(PuoDbContext db) => new(db, Changes(db), NullLogger<TaxonomyYaml>.Instance);

    public async Task<T> WithAsync<T>(Func<PuoDbContext, Task<T>> work)
    {
        await using var db = NewContext();
        return await work(db);
    }

    public async Task<int> AddDomainAsync(string key, int sortOrder = 0) => await WithAsync(async db =>
    {
        var d = new IntentDomain { Key = key, Names = new() { ["en"] = key.Replace('_', ' '), ["zh-CN"] = "领域" + key }, SortOrder = sortOrder };
        db.Domains.Add(d);
        await db.SaveChangesAsync(Ct);
        return d.Id;
    });

    public async Task<int> AddIntentAsync(int domainId, string key, IntentStatus status = IntentStatus.Active, Action<Intent>? configure = null) =>
        await WithAsync(async db =>
        {
            var i = new Intent
            {
                DomainId = domainId, Key = key, Status = status,
                Names = new() { ["en"] = key.Replace('_', ' '), ["zh-CN"] = "意图" + key },
                Description = $"Users asking about {key}.",
            };
            configure?.Invoke(i);
            db.Intents.Add(i);
            await db.SaveChangesAsync(Ct);
            return i.Id;
        });

    /// <summary>A question with a final label, a prediction, two annotator labels in a batch item, and optionally gold and an adjudication.</summary>
    public async Task<long> AddLabelledQuestionAsync(int intentId, string text, bool gold = false, bool adjudicated = false) =>
        await WithAsync(async db =>
        {
            var q = new Question { Text = text, TextHash = TextNormalizer.Hash(text + "#" + ++_questionSeq), FinalIntentId = intentId, PredictedIntentId = intentId, Locale = "en" };
            db.Questions.Add(q);
            var batch = db.Batches.Local.FirstOrDefault() ?? db.Batches.FirstOrDefault() ?? db.Batches.Add(new AnnotationBatch { Name = "b1" }).Entity;
            await db.SaveChangesAsync(Ct);
            var item = new AnnotationItem { BatchId = batch.Id, QuestionId = q.Id, IsGold = gold, GoldIntentId = gold ? intentId : null };
            db.Items.Add(item);
            await db.SaveChangesAsync(Ct);
            db.Labels.Add(new AnnotationLabel { ItemId = item.Id, QuestionId = q.Id, UserId = Curator.UserId!, IntentId = intentId });
            db.Labels.Add(new AnnotationLabel { ItemId = item.Id, QuestionId = q.Id, UserId = Reviewer.UserId!, IntentId = intentId });
            if (adjudicated) db.Adjudications.Add(new Adjudication { ItemId = item.Id, ReviewerId = Reviewer.UserId!, IntentId = intentId, Reason = "agreed" });
            await db.SaveChangesAsync(Ct);
            return q.Id;
        });

    /// <summary>A conversation on the intent: one user turn and one bot turn, both labelled with it.</summary>
    public async Task<long> AddConversationAsync(int intentId, string userText) => await WithAsync(async db =>
    {
        var c = new Conversation { UserRef = "user-" + Guid.NewGuid().ToString("N")[..8], IntentId = intentId };
        c.Turns.Add(new Turn { Ordinal = 0, Role = TurnRole.User, Text = userText, IntentId = intentId });
        c.Turns.Add(new Turn { Ordinal = 1, Role = TurnRole.Bot, Text = "Here is how.", IntentId = intentId, Source = AnswerSource.Script });
        db.Conversations.Add(c);
        await db.SaveChangesAsync(Ct);
        return c.Id;
    });

    /// <summary>A published script with an approved version, plus a draft version in review.</summary>
    public async Task<long> AddScriptAsync(int intentId, string locale) => await WithAsync(async db =>
    {
        var s = new ReplyScript { IntentId = intentId, Locale = locale, Title = $"script {intentId}/{locale}" };
        s.Versions.Add(new ReplyScriptVersion { Number = 1, Body = "Hello {{user_name}}", Status = ScriptVersionStatus.Approved });
        s.Versions.Add(new ReplyScriptVersion { Number = 2, Body = "Hi {{user_name}}", Status = ScriptVersionStatus.InReview });
        db.Scripts.Add(s);
        await db.SaveChangesAsync(Ct);
        s.PublishedVersionId = s.Versions[0].Id;
        await db.SaveChangesAsync(Ct);
        return s.Id;
    });

    public async ValueTask DisposeAsync()
    {
        if (_workspace is not null) await _workspace.DisposeAsync();
        if (_postgres is not null) await _postgres.DisposeAsync();
    }
}
