using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PuoAiOps.Application.Metrics;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Tests.Classifier;
using PuoAiOps.Application.Tests.Infrastructure;

namespace PuoAiOps.Application.Tests.Metrics;

/// <summary>
/// The rollup tables' counts (one complex type, mapped to the columns the migrations created) written, checked, read,
/// summed in SQL and updated on PostgreSQL, in a fresh database on the server named by PUO_TEST_POSTGRES.
/// </summary>
public sealed class RollupCountsPostgresTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rollups_OnPostgres_StoreEachCountInItsColumn_AndTheCheckSeesAChangedOne()
    {
        await using var scratch = await ScratchPostgresDatabase.CreateAsync("rollup", Ct);
        var options = new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = scratch.ConnectionString };
        var clock = new ManualClock();
        var start = clock.GetUtcNow().UtcDateTime.Date.AddDays(-3);
        await using (var db = DbContextConfigurator.Create(options))
        {
            await new SchemaMigrator(db).MigrateAsync(Ct);
            db.Conversations.AddRange(Enumerable.Range(0, 9).Select(i => new Conversation
            {
                UserRef = "u" + i % 3, StartedAt = start.AddHours(7 * i), EndedAt = start.AddHours(7 * i).AddMinutes(5),
                Locale = i % 2 == 0 ? "en" : "zh-CN", Channel = "app",
                Outcome = i % 3 == 0 ? ConversationOutcome.Escalated : ConversationOutcome.Resolved,
            }));
            await db.SaveChangesAsync(Ct);
        }
        await using var services = MetricsHost.Build(options, clock);

        await services.WithAsync(sp => sp.GetRequiredService<RollupBuilder>().BuildAsync(Ct));
        await services.AssertEqualsFullRecomputationAsync();

        await using (var db = DbContextConfigurator.Create(options))
        {
            // The columns keep their names: plain SQL over them agrees with the counts EF reads.
            Assert.Equal(9, await SumAsync(scratch, "SELECT SUM(\"Conversations\") FROM \"MetricRollups\""));
            Assert.Equal(3, await SumAsync(scratch, "SELECT SUM(\"Escalated\") FROM \"MetricIntentDays\" WHERE \"Locale\" IS NULL AND \"Channel\" IS NULL"));
            Assert.Equal(9, (await db.MetricRollups.ToListAsync(Ct)).Sum(r => r.Counts.Conversations));
            var filter = new MetricsFilter(DateOnly.FromDateTime(start), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
            var overview = await OverviewFigures.LoadAsync(services.GetRequiredService<IServiceScopeFactory>(), filter, filter.From, NullLogger.Instance, Ct);
            Assert.Equal(9, overview.ByDay.Values.Sum(c => c.Conversations));
            Assert.Equal(3, overview.ByDay.Values.Sum(c => c.Escalated));

            await db.MetricRollups.ExecuteUpdateAsync(s => s.SetProperty(r => r.Counts.Confirmed, r => r.Counts.Confirmed + 1), Ct);
        }
        var check = await services.WithAsync(sp => sp.GetRequiredService<RollupBuilder>().CheckAsync(Ct));
        Assert.False(check.Equal);
    }

    private static async Task<long> SumAsync(ScratchPostgresDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
