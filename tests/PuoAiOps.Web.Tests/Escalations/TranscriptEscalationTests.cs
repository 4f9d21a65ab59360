using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PuoAiOps.Application.Bot;
using PuoAiOps.Application.Conversations;
using PuoAiOps.Core.Messages;
using PuoAiOps.Web.Components.Conversations;
using PuoAiOps.Web.Localization;

namespace PuoAiOps.Web.Tests.Escalations;

/// <summary>The conversation transcript's hand-over lines (bUnit): each reason worded in the reader's language, an old one in English.</summary>
public sealed class TranscriptEscalationTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();
    private readonly CultureInfo _previousUi = CultureInfo.CurrentUICulture;

    public TranscriptEscalationTests()
    {
        _context.Services.AddMudServices();
        _context.Services.AddLocalization();
        _context.Services.AddSingleton<MessageWords>();
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
    }

    [Fact]
    public void Transcript_WordsEachHandoverReason_AndMarksAnOldOneAsEnglish()
    {
        var detail = new ConversationDetail(7, DateTime.UtcNow, null, null, "zh-CN", "app", "escalated", false, [],
            ["nothing good enough: no passage found", "user asked for an agent"], [CodedMessage.Of(BotReason.NoPassage), null]);
        var view = _context.Render<ConversationTranscript>(p => p.Add(t => t.Detail, detail));

        var lines = view.FindAll("[data-testid=transcript-escalation] span[lang], [data-testid=transcript-escalation] span:not([lang])")
            .Select(s => (s.GetAttribute("lang"), s.TextContent)).ToList();
        Assert.Equal([(null, "没有足够好的答案：未找到段落"), ("en", "user asked for an agent")], lines);
        Assert.All(view.FindAll("[data-testid=transcript-escalation]"), a => Assert.StartsWith("已转人工：", a.TextContent.Trim(), StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        CultureInfo.CurrentUICulture = _previousUi;
        await _context.DisposeAsync();
    }
}
