using Microsoft.Data.Sqlite;
using PuoAiOps.Application.Common;
using PuoAiOps.Web.Hosting;

namespace PuoAiOps.Web.Tests.Bot;

/// <summary>The bot API with a database busy timeout of one second, so a held write lock shows quickly.</summary>
public sealed class BusyDatabaseBotApiFixture : BotApiFixture
{
    public override ValueTask InitializeAsync()
    {
        Factory.Settings["Database:BusyTimeoutMs"] = "1000";
        return base.InitializeAsync();
    }
}

/// <summary>A database locked by another writer (the demo seeding on a first start) is a 503 with Retry-After, never a 500.</summary>
public sealed class BotApiBusyDatabaseTests(BusyDatabaseBotApiFixture bot) : IClassFixture<BusyDatabaseBotApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Chat_WhileAnotherWriterHoldsTheDatabase_Gets503WithRetryAfter_ThenAnswersOnceItIsFree()
    {
        using var client = bot.ApiClient(bot.Key);
        var message = new { user_id = "u-busy", message = "Can I get a refund for unused coins?", locale = "en" };
        await using (var locker = new SqliteConnection($"Data Source={Path.Combine(bot.Factory.DataDir, "puoaiops.db")}"))
        {
            await locker.OpenAsync(Ct);
            await using (var begin = locker.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE;";
                await begin.ExecuteNonQueryAsync(Ct);
            }
            var (status, body, response) = await BotApiFixture.PostAsync(client, "/api/v1/chat", message);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True(int.TryParse(response.Headers.RetryAfter?.ToString(), out var seconds) && seconds >= 1, response.Headers.RetryAfter?.ToString());
            Assert.Contains("send the message again", body.GetProperty("title").GetString(), StringComparison.Ordinal);
            await using var rollback = locker.CreateCommand();
            rollback.CommandText = "ROLLBACK;";
            await rollback.ExecuteNonQueryAsync(Ct);
        }

        var (after, _, _) = await BotApiFixture.PostAsync(client, "/api/v1/chat", message);
        Assert.Equal(HttpStatusCode.OK, after);
    }

    [Fact]
    public void ErrorMapping_MapsABusyDatabaseTo503WithRetryAfter_ButNotOtherDatabaseErrors()
    {
        var busy = ApplicationErrorMapping.From(new Microsoft.EntityFrameworkCore.DbUpdateException("save failed", new SqliteException("database is locked", 5)));
        Assert.Equal(503, busy?.Status);
        Assert.Equal(ServiceBusyException.DefaultRetryAfter, busy?.RetryAfter);
        Assert.Null(ApplicationErrorMapping.From(new SqliteException("constraint failed", 19)));
    }
}
