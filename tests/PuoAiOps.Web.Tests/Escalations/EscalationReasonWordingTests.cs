using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Bot;
using PuoAiOps.Application.Conversations;
using PuoAiOps.Application.Escalations;
using PuoAiOps.Core.Messages;
using PuoAiOps.Web.Localization;
using PuoAiOps.Web.Tests.Bot;

namespace PuoAiOps.Web.Tests.Escalations;

/// <summary>
/// The bot's hand-over stores its reason as a code beside the English: the escalation queue, its filter and the
/// conversation page word it in the reader's language (through <see cref="MessageWords"/>, as the pages do), while
/// the API, the CLI and the filter's value keep the English.
/// </summary>
public sealed class EscalationReasonWordingTests(BotApiFixture bot) : IClassFixture<BotApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AHandoffsReason_ReadsInChinese_OnTheQueueTheFilterAndTheConversation()
    {
        using var client = bot.ApiClient(bot.Key);
        var (status, body, _) = await BotApiFixture.PostAsync(client, "/api/v1/chat", new { user_id = "u-handoff", message = "which football club won the cup in 1994" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.GetProperty("escalated").GetBoolean());
        var conversation = body.GetProperty("conversation_id").GetInt64();
        var id = await bot.WithDbAsync(db => db.Escalations.Where(e => e.ConversationId == conversation).Select(e => e.Id).SingleAsync(Ct));

        var row = (await bot.WithServiceAsync<EscalationQueue, EscalationDetail?>(q => q.GetAsync(id, Ct)))!.Row;
        Assert.StartsWith("nothing good enough", row.Reason, StringComparison.Ordinal);
        Assert.Contains(row.ReasonCode!.Code, new Enum[] { BotReason.NoPassage, BotReason.NothingGoodEnough });
        Assert.Equal(row.Reason, row.ReasonCode.English);
        Assert.StartsWith("没有足够好的答案", InChinese(row.ReasonCode), StringComparison.Ordinal);

        var choice = Assert.Single(await bot.WithServiceAsync<EscalationQueue, IReadOnlyList<EscalationReasonChoice>>(q => q.ReasonsAsync(Ct)), r => r.Reason == row.Reason);
        Assert.Equal(InChinese(row.ReasonCode), InChinese(choice.Code!));

        var detail = (await bot.WithServiceAsync<ConversationBrowser, ConversationDetail?>(b => b.GetAsync(conversation, Ct)))!;
        Assert.Equal([row.Reason], detail.Escalations);
        Assert.Equal(InChinese(row.ReasonCode), InChinese(Assert.Single(detail.EscalationCodes!)!));
    }

    [Fact]
    public async Task AnEscalationStoredWithoutACode_KeepsItsEnglish()
    {
        var id = await bot.WithDbAsync(async db =>
        {
            var conversation = new Application.Persistence.Entities.Conversation { UserRef = "u-old", Channel = "app", Locale = "en" };
            db.Conversations.Add(conversation);
            await db.SaveChangesAsync(Ct);
            var e = new Application.Persistence.Entities.Escalation { ConversationId = conversation.Id, Reason = "user asked for an agent" };
            db.Escalations.Add(e);
            await db.SaveChangesAsync(Ct);
            return e.Id;
        });
        var row = (await bot.WithServiceAsync<EscalationQueue, EscalationDetail?>(q => q.GetAsync(id, Ct)))!.Row;
        Assert.Null(row.ReasonCode);
        Assert.Equal("user asked for an agent", bot.Services.GetRequiredService<MessageWords>().Line(row.ReasonCode, row.Reason));
    }

    private string InChinese(CodedMessage message)
    {
        var (ui, culture) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("zh-CN");
        try { return bot.Services.GetRequiredService<MessageWords>().Word(message); }
        finally { (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, culture); }
    }
}
