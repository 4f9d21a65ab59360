using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Annotation;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Tests.Infrastructure;

namespace PuoAiOps.Application.Tests.Annotation;

/// <summary>
/// A migrated workspace with helpers to seed users, intents and questions: a SQLite file in a temp
/// folder, or (for provider tests) a fresh PostgreSQL database when PUO_TEST_POSTGRES names a server.
/// </summary>
internal sealed class AnnotationDatabase : IAsyncDisposable
{
    /// <summary>Connection string of a PostgreSQL server where the tests may create and drop databases.</summary>
    public const string PostgresVariable = "PUO_TEST_POSTGRES";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "puo-annot-" + Guid.NewGuid().ToString("N"));
    private readonly ScratchPostgresDatabase? _postgres;

    private AnnotationDatabase(ScratchPostgresDatabase? postgres = null)
    {
        Options = new DatabaseOptions { DataDir = _dir };
        if (postgres is null) return;
        _postgres = postgres;
        Options.Provider = DatabaseProvider.Postgres;
        Options.ConnectionString = postgres.ConnectionString;
    }

    public DatabaseOptions Options { get; }
    public ManualClock Clock { get; } = new(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));

    /// <summary>Set to "Postgres" (with <see cref="PostgresVariable"/>) to run every annotation test on PostgreSQL.</summary>
    public const string ProviderVariable = "PUO_TEST_PROVIDER";

    public static async Task<AnnotationDatabase> CreateAsync(DatabaseProvider? provider = null)
    {
        provider ??= Enum.TryParse<DatabaseProvider>(Environment.GetEnvironmentVariable(ProviderVariable), true, out var p) ? p : DatabaseProvider.Sqlite;
        AnnotationDatabase database;
        if (provider == DatabaseProvider.Postgres)
        {
            // Pooled, with room for the concurrency tests' parallel sessions.
            database = new AnnotationDatabase(await ScratchPostgresDatabase.CreateAsync("annot", TestToken.Ct, c => { c.Pooling = true; c.MaxPoolSize = 40; }));
        }
        else database = new AnnotationDatabase();
        await using var db = database.Context();
        await new SchemaMigrator(db).MigrateAsync();
        return database;
    }

    public PuoDbContext Context() => DbContextConfigurator.Create(Options);

    public QueueService Queue(PuoDbContext db, int leaseMinutes = 5) =>
        new(db, Microsoft.Extensions.Options.Options.Create(new AnnotationOptions { LeaseMinutes = leaseMinutes }), Clock, NullLogger<QueueService>.Instance);

    public BatchService Batches(PuoDbContext db) => new(db, Clock, NullLogger<BatchService>.Instance);
    public AdjudicationService Adjudication(PuoDbContext db) => new(db, Clock, NullLogger<AdjudicationService>.Instance);

    public async Task<List<string>> AddUsersAsync(int count, string prefix = "user")
    {
        await using var db = Context();
        var users = Enumerable.Range(1, count).Select(i => new AppUser
        {
            Id = $"{prefix}-{i:D2}-{Guid.NewGuid():N}"[..24],
            UserName = $"{prefix}{i}",
            NormalizedUserName = $"{prefix}{i}".ToUpperInvariant(),
            DisplayName = $"{char.ToUpperInvariant(prefix[0])}{prefix[1..]} {i}",
        }).ToList();
        db.Users.AddRange(users);
        await db.SaveChangesAsync();
        return users.Select(u => u.Id).ToList();
    }

    /// <summary>Intents with the given keys in one domain; returns their ids in order.</summary>
    public async Task<List<int>> AddIntentsAsync(params string[] keys)
    {
        await using var db = Context();
        var domain = new IntentDomain { Key = "domain-" + Guid.NewGuid().ToString("N")[..8], Names = new() { ["en"] = "Domain" } };
        db.Domains.Add(domain);
        var intents = keys.Select(k => new Intent { Key = k, Domain = domain, Names = new() { ["en"] = $"Name of {k}" } }).ToList();
        db.Intents.AddRange(intents);
        await db.SaveChangesAsync();
        return intents.Select(i => i.Id).ToList();
    }

    /// <summary>Questions "q1".."qN" created an hour apart; <paramref name="shape"/> may set source, confidence, final label.</summary>
    public async Task<List<long>> AddQuestionsAsync(int count, Action<int, Question>? shape = null, string textPrefix = "question")
    {
        await using var db = Context();
        var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var questions = Enumerable.Range(1, count).Select(i =>
        {
            var text = $"{textPrefix} {i} {Guid.NewGuid():N}";
            var q = new Question { Text = text, TextHash = Guid.NewGuid().ToString("N"), Source = "chat", CreatedAt = start.AddHours(i) };
            shape?.Invoke(i, q);
            return q;
        }).ToList();
        db.Questions.AddRange(questions);
        await db.SaveChangesAsync();
        return questions.Select(q => q.Id).ToList();
    }

    /// <summary>A batch over every question (no filter), in id order, with the given annotators.</summary>
    public async Task<BatchSummary> AddBatchAsync(IReadOnlyList<string> annotators, int labelsPerItem = 2, double goldShare = 0,
        BatchFilter? filter = null, BatchOrder order = BatchOrder.MostUncertainFirst, bool suggestions = false)
    {
        await using var db = Context();
        return await Batches(db).CreateAsync(new CreateBatchRequest
        {
            Name = "batch " + Guid.NewGuid().ToString("N")[..6],
            Filter = filter ?? new BatchFilter(),
            LabelsPerItem = labelsPerItem,
            GoldShare = goldShare,
            AnnotatorIds = annotators,
            Order = order,
            ShowSuggestions = suggestions,
        }, createdById: null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
            return;
        }
        SqliteConnection.ClearAllPools();
        await Task.Yield();
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { /* a file still held by a finaliser: the temp folder is cleaned by the OS */ }
    }
}

/// <summary>A clock the test moves by hand, to expire leases without waiting.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

/// <summary>The running test's cancellation token, short enough to pass to every call.</summary>
internal static class TestToken
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;
}
