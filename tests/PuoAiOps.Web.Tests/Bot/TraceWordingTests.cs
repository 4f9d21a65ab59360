using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Bot;
using PuoAiOps.Core.Messages;
using PuoAiOps.Web.Localization;

namespace PuoAiOps.Web.Tests.Bot;

/// <summary>
/// A turn's stored trace reads in the reader's language: the reason, its notes and an LLM rejection are
/// stored as codes beside the English, and the playground and conversation pages word them.
/// </summary>
public sealed class TraceWordingTests(BotApiFixture bot) : IClassFixture<BotApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AStoredTrace_ReadsInChinese_AndKeepsItsEnglishForTheApi()
    {
        using var client = bot.ApiClient(bot.Key);
        var (status, body, _) = await BotApiFixture.PostAsync(client, "/api/v1/chat", new { user_id = "u-trace", message = "what is the best pizza topping in Naples" });
        Assert.Equal(HttpStatusCode.OK, status);
        var conversation = body.GetProperty("conversation_id").GetInt64();
        var json = await bot.WithDbAsync(db => db.TurnTraces.Where(t => t.ConversationId == conversation).Select(t => t.Json).SingleAsync(Ct));
        var trace = JsonSerializer.Deserialize<BotTrace>(json, ChatService.TraceJson)!;

        Assert.StartsWith("nothing good enough", trace.Reason, StringComparison.Ordinal);
        var reason = trace.ReasonCode!.Read()!;
        Assert.Contains(reason.Code, new Enum[] { BotReason.NoPassage, BotReason.NothingGoodEnough });
        Assert.StartsWith("没有足够好的答案", InChinese(reason), StringComparison.Ordinal);
    }

    [Fact]
    public void ANestedRejection_IsWordedInside_ItsNote()
    {
        var note = TraceCode.Of(CodedMessage.Of(BotReason.LlmRejected, CodedMessage.Of(AnswerRejection.ForeignCitation, "P9")))!;
        var read = note.Read()!;
        Assert.Equal("LLM answer rejected: answer cites passages that were not retrieved: P9", read.English);
        Assert.Equal("LLM 回答被拒绝：回答引用了未检索到的段落：P9", InChinese(read));
    }

    [Fact]
    public void APercentageArgument_KeepsItsFormat_WhenStoredAndRead()
    {
        var read = TraceCode.Of(CodedMessage.Of(BotReason.BestPassage, 12L, 0.8))!.Read()!;
        Assert.Equal("best passage 12 covers 80 % of the question", read.English);
        Assert.Equal("最佳段落 12 覆盖了问题的 80%", InChinese(read));
    }

    private string InChinese(CodedMessage message)
    {
        var (ui, culture) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("zh-CN");
        try { return bot.Services.GetRequiredService<MessageWords>().Word(message); }
        finally { (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, culture); }
    }
}
