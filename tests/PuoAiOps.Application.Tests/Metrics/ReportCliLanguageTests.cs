using PuoAiOps.Application.Bot;
using PuoAiOps.Application.Escalations;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Tests.Infrastructure;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Tests.Metrics;

/// <summary>
/// <c>puo report daily --lang zh</c> words a coded escalation reason in Chinese, from the same wording the console
/// reads (ReasonText), and <c>--lang en</c> in English: the CLI's Chinese report is Chinese throughout.
/// </summary>
public sealed class ReportCliLanguageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("zh", "daily.md", "| 超出范围 | 2 |", "| 支付需要人工核对 | 1 |")]
    [InlineData("en", "daily.md", "| out of scope | 2 |", "| payment needs a manual check | 1 |")]
    [InlineData("zh", "daily.csv", ",超出范围,2,3,", ",支付需要人工核对,1,3,")]
    public async Task ReportDaily_WordsCodedReasons_InTheLanguageAsked(string language, string name, string outOfScope, string payment)
    {
        await using var workspace = await TempWorkspace.CreateAsync();
        await SeedAsync(workspace, new DateOnly(2026, 1, 15));
        var file = Path.Combine(workspace.DataDir, name);

        var run = await CliRunner.RunAsync("report", "daily", "--date", "2026-01-15", "--lang", language, "--out", file, "--data-dir", workspace.DataDir);

        Assert.Equal(0, run.ExitCode);
        var text = await File.ReadAllTextAsync(file, Ct);
        Assert.Contains(outOfScope, text, StringComparison.Ordinal);
        Assert.Contains(payment, text, StringComparison.Ordinal);
    }

    /// <summary>Three escalations on the day: two out of scope at different confidences (one reason), one payment check.</summary>
    private static async Task SeedAsync(TempWorkspace workspace, DateOnly day)
    {
        await using var db = workspace.NewContext();
        var at = day.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
        foreach (var reason in new[] { CodedMessage.Of(BotReason.OutOfScope, 0.41), CodedMessage.Of(BotReason.OutOfScope, 0.93), CodedMessage.Of(HandoffReason.PaymentCheck) })
        {
            var conversation = new Conversation { UserRef = "u-" + Guid.NewGuid().ToString("N")[..8], Channel = "app", Locale = "en", StartedAt = at, Outcome = ConversationOutcome.Escalated };
            db.Conversations.Add(conversation);
            await db.SaveChangesAsync(Ct);
            db.Escalations.Add(new Escalation { ConversationId = conversation.Id, CreatedAt = at }.WithReason(reason));
        }
        await db.SaveChangesAsync(Ct);
    }
}
