using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Web.Startup;

namespace PuoAiOps.Web.Tests.Bot;

/// <summary>
/// The README's first start: an empty database, <c>Demo:Seed</c> on, the embedded index, no LLM. Once the
/// start-up work has run (the demo seeded in the background), the bot answers a demo SOP question from the SOP
/// index in English and in Chinese, with no reindex in between.
/// </summary>
public sealed class DemoFirstStartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AFreshDemoConsole_AnswersSopQuestions_FromTheSopIndex_InEnglishAndChinese()
    {
        await using var factory = new ConsoleFactory();
        factory.Settings["Demo:Seed"] = "true";
        // The rollups and reports of the first start are not what this test is about.
        factory.Settings["Metrics:ScheduleEnabled"] = "false";
        _ = factory.Server;
        // The demo is seeded after the console listens; wait for that background work to end.
        await factory.Services.GetRequiredService<WorkspaceInitializer>().ExecuteTask!.WaitAsync(TimeSpan.FromMinutes(10), Ct);

        var key = await ApiKeyAsync(factory);
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        foreach (var (question, locale) in new[]
        {
            ("my son spent 50 dollars on gifts without my permission, can I get a refund for a minor", "en"),
            ("孩子偷偷充值了怎么退款，未成年人充值退款", "zh-CN"),
        })
        {
            var (status, body, _) = await BotApiFixture.PostAsync(client, "/api/v1/chat", new { user_id = "demo-visitor", message = question, locale, channel = "app" });
            Assert.Equal(HttpStatusCode.OK, status);
            var source = body.GetProperty("source");
            Assert.True(source.GetProperty("type").GetString() == "sop", $"{locale}: {body}");
            var chunk = Assert.Single(source.GetProperty("chunk_ids").EnumerateArray()).GetInt64();
            Assert.Equal(locale, await DocumentLocaleAsync(factory, chunk));
            Assert.False(body.GetProperty("escalated").GetBoolean());
        }
    }

    /// <summary>The locale of the demo SOP the chunk belongs to (fails when it is not a demo document's).</summary>
    private static async Task<string> DocumentLocaleAsync(ConsoleFactory factory, long chunk)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PuoDbContext>();
        var document = await db.Chunks.Where(c => c.Id == chunk).Join(db.Documents, c => c.DocumentId, d => d.Id, (c, d) => d).SingleAsync(Ct);
        Assert.True(document.IsDemo);
        return document.Locale;
    }

    private static async Task<string> ApiKeyAsync(ConsoleFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(Actor.System("tests", Roles.Admin), "demo channel", Roles.Viewer);
        return created.Created!.Secret;
    }
}
