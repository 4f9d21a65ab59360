using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PuoAiOps.Application.Ai;
using PuoAiOps.Application.Bot;
using PuoAiOps.Application.Classification;
using PuoAiOps.Application.Demo;
using PuoAiOps.Application.Knowledge.Indexing;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Tests.Demo;

namespace PuoAiOps.Application.Tests.Bot;

/// <summary>
/// The demo workspace with its trained classifier serving: the bot's sample questions are answered
/// against it. Seeded once for every bot test class (<see cref="DemoBotCollection"/>); each test bed
/// gets its own service container and keyword index over the same database.
/// </summary>
public sealed class DemoBotFixture : IAsyncLifetime
{
    private DemoTestDatabase? _database;

    public DemoTestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    public async ValueTask InitializeAsync()
    {
        _database = await DemoTestDatabase.CreateAsync();
        await using (var db = _database.Open())
            await new DemoWorkspace(db, clock: new FixedClock()).SeedAsync();
        await using var bed = await BotTestBed.CreateAsync(this);
        await using var scope = bed.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoModels>().EnsureAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null) await _database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class DemoBotCollection : ICollectionFixture<DemoBotFixture>
{
    public const string Name = "Demo bot";
}

/// <summary>The bot's services over the demo database, with an LLM endpoint when <c>ai</c> sets one.</summary>
public sealed class BotTestBed : IAsyncDisposable
{
    private readonly string _indexDir;

    private BotTestBed(ServiceProvider services, string indexDir) => (Services, _indexDir) = (services, indexDir);

    public ServiceProvider Services { get; }

    public static async Task<BotTestBed> CreateAsync(DemoBotFixture fixture, Action<AiOptions>? ai = null, Action<BotOptions>? bot = null, Action<IServiceCollection>? extra = null,
        Action<DatabaseOptions>? databaseOptions = null)
    {
        var indexDir = Path.Combine(fixture.Database.Directory, "index-" + Guid.NewGuid().ToString("N"));
        var database = new DatabaseOptions { DataDir = fixture.Database.Directory };
        databaseOptions?.Invoke(database);
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddOptions();
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(database));
        services.AddDbContext<PuoDbContext>(o => DbContextConfigurator.Configure(o, database));
        services.AddClassificationServices();
        services.Configure<AiOptions>(o => ai?.Invoke(o));
        services.AddKnowledgeServices(o => o.IndexDir = indexDir);
        services.AddVectorSearchServices();
        services.AddScriptsServices();
        services.AddBotServices(o => bot?.Invoke(o));
        extra?.Invoke(services);
        var provider = services.BuildServiceProvider(validateScopes: true);
        await using (var scope = provider.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ReindexService>().ReindexAsync();
        return new BotTestBed(provider, indexDir);
    }

    /// <summary>One message through <see cref="ChatService"/> (a new conversation unless <paramref name="conversation"/> is given).</summary>
    public async Task<ChatResult> AskAsync(string message, string? locale = null, string channel = "app", long? conversation = null, Dictionary<string, string>? context = null,
        Action<string>? drafts = null)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ChatService>().ChatAsync(
            new ChatRequest(conversation, "tester", message, locale, channel, context ?? DemoContext) { IsTest = true }, drafts, TestContext.Current.CancellationToken);
    }

    /// <summary>What a channel typically knows about its user, for the demo scripts' placeholders.</summary>
    public static readonly Dictionary<string, string> DemoContext = new(StringComparer.Ordinal)
    {
        ["user_name"] = "Sam", ["app_version"] = "8.4", ["order_id"] = "A1001", ["amount"] = "9.99", ["date"] = "2025-06-18",
    };

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        try { Directory.Delete(_indexDir, recursive: true); }
        catch (IOException) { /* the temp folder goes with the database */ }
    }
}
