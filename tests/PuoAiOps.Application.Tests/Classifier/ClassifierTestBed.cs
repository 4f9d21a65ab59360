using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PuoAiOps.Application.Ai;
using PuoAiOps.Application.Classification;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Jobs;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Tests.Infrastructure;
using PuoAiOps.Core.Text;

namespace PuoAiOps.Application.Tests.Classifier;

/// <summary>
/// A migrated SQLite workspace with a small taxonomy (five intents in two domains), labeled questions
/// written from phrase templates (English and Chinese), some out of scope, some unlabeled, and a
/// service provider with the classifier services as the web host registers them.
/// </summary>
public sealed class ClassifierTestBed : IAsyncDisposable
{
    public static readonly Dictionary<string, string[]> Phrases = new(StringComparer.Ordinal)
    {
        ["recharge_not_credited"] = ["I paid but my coins never arrived", "recharge went through yet the coin balance did not change", "bought diamonds and they are missing", "充值成功了但是金币没到账", "top up charged my card but no coins"],
        ["payout_delayed"] = ["my streamer payout has not arrived", "withdrawal of earnings still pending", "when will my income be paid to the bank", "提现一直没有到账", "the monthly payout is late again"],
        ["stream_lag"] = ["my live stream keeps buffering", "viewers say the broadcast lags", "video freezes while I am live", "直播一直卡顿", "the stream stutters and drops frames"],
        ["account_locked"] = ["my account got locked after login attempts", "cannot log in, account is frozen", "the app says my account is suspended", "账号被冻结了登录不了", "locked out of my profile after a password reset"],
        ["gift_missing"] = ["the gift I sent did not show up", "sent a rose gift but the host never got it", "my gift animation never played", "送的礼物主播没收到", "gifts disappear from the chat"],
    };

    public static readonly string[] OutOfScope = ["what is the weather tomorrow", "tell me a joke", "who won the football match", "recommend a good pizza place", "how do I cook rice", "今天股票怎么样", "write me a poem about cats", "what time is it in Paris"];

    private static readonly string[] Openers = ["", "hi, ", "hello, ", "please help: ", "urgent: ", "hey support, ", "question: "];
    private static readonly string[] Closers = ["", " thanks", " please", " asap", " what should I do", " help", " again today", " since yesterday", " order 1234"];

    private readonly TempWorkspace? _workspace;
    private readonly ScratchPostgresDatabase? _postgres;

    private ClassifierTestBed(DatabaseOptions options, TempWorkspace? workspace, ScratchPostgresDatabase? postgres, ServiceProvider services)
    {
        Options = options;
        _workspace = workspace;
        _postgres = postgres;
        Services = services;
    }

    public ServiceProvider Services { get; }
    public DatabaseOptions Options { get; }
    public Dictionary<string, int> IntentIds { get; } = new(StringComparer.Ordinal);

    /// <summary>The label each question was written for (also for the unlabeled ones), by text.</summary>
    public Dictionary<string, string> Truth { get; } = new(StringComparer.Ordinal);

    public static Actor Curator { get; } = Actor.User("u-curator", "Cora Curator", Roles.Curator);
    public static Actor Reviewer { get; } = Actor.User("u-reviewer", "Rex Reviewer", Roles.Reviewer);
    public static Actor Annotator { get; } = Actor.User("u-annotator", "Ann Annotator", Roles.Annotator);
    public static Actor Viewer { get; } = Actor.User("u-viewer", "Vic Viewer", Roles.Viewer);
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <param name="perIntent">Labeled questions per intent.</param>
    /// <param name="configure">Extra registrations or option changes (e.g. an LLM endpoint).</param>
    public static async Task<ClassifierTestBed> CreateAsync(int perIntent = 40, int outOfScope = 16, int unlabeled = 30,
        Action<IServiceCollection>? configure = null, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        TempWorkspace? workspace = null;
        ScratchPostgresDatabase? postgres = null;
        DatabaseOptions options;
        if (provider == DatabaseProvider.Postgres)
        {
            // Pooled: seeding and the services open many short connections.
            postgres = await ScratchPostgresDatabase.CreateAsync("cls", Ct, c => c.Pooling = true);
            options = new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = postgres.ConnectionString };
            await using var migrating = DbContextConfigurator.Create(options);
            await new SchemaMigrator(migrating).MigrateAsync(Ct);
        }
        else
        {
            workspace = await TempWorkspace.CreateAsync();
            options = workspace.Options;
        }
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddOptions();
        services.AddDbContext<PuoDbContext>(o => DbContextConfigurator.Configure(o, options));
        services.Configure<ClassifierOptions>(o => o.ServingRefreshSeconds = 3600);
        services.Configure<JobOptions>(o => { o.PollSeconds = 0.05; o.LeaseSeconds = 30; });
        services.Configure<AiOptions>(_ => { });
        services.AddClassificationServices();
        configure?.Invoke(services);
        var bed = new ClassifierTestBed(options, workspace, postgres, services.BuildServiceProvider(validateScopes: true));
        await bed.SeedAsync(perIntent, outOfScope, unlabeled);
        return bed;
    }

    public PuoDbContext NewContext() => DbContextConfigurator.Create(Options);

    public async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> action) where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>Adds labeled questions for <paramref name="label"/> (an intent key or "oos").</summary>
    public async Task AddQuestionsAsync(string label, int count, int offset = 0, bool labeled = true)
    {
        await using var db = NewContext();
        var phrases = label == "oos" ? OutOfScope : Phrases[label];
        for (var i = offset; i < offset + count; i++)
        {
            var text = Openers[i % Openers.Length] + phrases[i % phrases.Length] + Closers[i / phrases.Length % Closers.Length]
                       + (i >= phrases.Length * Closers.Length ? $" #{i}" : "");
            Truth[text] = label;
            db.Questions.Add(new Question
            {
                Text = text,
                TextHash = TextNormalizer.Hash(label + "|" + text),
                Locale = text.Any(TextNormalizer.IsCjk) ? "zh-CN" : "en",
                FinalIntentId = labeled && label != "oos" ? IntentIds[label] : null,
                FinalOutOfScope = labeled && label == "oos",
                FinalLabelSource = labeled ? "consensus" : null,
            });
        }
        await db.SaveChangesAsync(Ct);
    }

    private async Task SeedAsync(int perIntent, int outOfScope, int unlabeled)
    {
        await using (var db = NewContext())
        {
            foreach (var actor in new[] { Curator, Reviewer, Annotator, Viewer })
                db.Users.Add(new AppUser { Id = actor.UserId!, UserName = actor.UserId, DisplayName = actor.DisplayName });
            var money = new IntentDomain { Key = "money", Names = new() { ["en"] = "Money" }, SortOrder = 1 };
            var live = new IntentDomain { Key = "live", Names = new() { ["en"] = "Live streaming" }, SortOrder = 2 };
            db.Domains.AddRange(money, live);
            await db.SaveChangesAsync(Ct);
            foreach (var key in Phrases.Keys)
            {
                var domain = key is "recharge_not_credited" or "payout_delayed" or "gift_missing" ? money : live;
                var intent = new Intent
                {
                    DomainId = domain.Id,
                    Key = key,
                    Names = new() { ["en"] = string.Join(' ', key.Split('_')) },
                    Description = $"The user's problem: {key.Replace('_', ' ')}.",
                };
                db.Intents.Add(intent);
                await db.SaveChangesAsync(Ct);
                IntentIds[key] = intent.Id;
            }
            db.Intents.Add(new Intent { DomainId = live.Id, Key = "draft_intent", Names = new() { ["en"] = "Draft" }, Status = IntentStatus.Draft });
            await db.SaveChangesAsync(Ct);
        }
        foreach (var key in Phrases.Keys) await AddQuestionsAsync(key, perIntent);
        await AddQuestionsAsync("oos", outOfScope);
        var keys = Phrases.Keys.ToList();
        for (var i = 0; i < unlabeled; i++) await AddQuestionsAsync(keys[i % keys.Count], 1, offset: 1000 + i, labeled: false);
    }

    public async Task<int> CountAsync(Func<PuoDbContext, Task<int>> query)
    {
        await using var db = NewContext();
        return await query(db);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_workspace is not null) await _workspace.DisposeAsync();
        if (_postgres is not null) await _postgres.DisposeAsync();
    }
}
