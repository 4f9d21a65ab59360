using PuoAiOps.Application.Demo;

namespace PuoAiOps.Application.Tests.Demo;

/// <summary>One demo workspace seeded with <see cref="FixedClock.Default"/>, shared by the read-only checks.</summary>
public sealed class SeededDemoFixture : IAsyncLifetime
{
    private DemoTestDatabase? _database;

    public DemoTestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    public DemoSeedResult Result { get; private set; } = null!;

    public static DateTime Now => FixedClock.Default.UtcDateTime;

    public async ValueTask InitializeAsync()
    {
        _database = await DemoTestDatabase.CreateAsync();
        await using var db = _database.Open();
        Result = await new DemoWorkspace(db, clock: new FixedClock()).SeedAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null) await _database.DisposeAsync();
    }
}

/// <summary>Test classes that only read the seeded workspace share one seed.</summary>
[CollectionDefinition(Name)]
public sealed class SeededDemoCollection : ICollectionFixture<SeededDemoFixture>
{
    public const string Name = "Seeded demo workspace";
}
