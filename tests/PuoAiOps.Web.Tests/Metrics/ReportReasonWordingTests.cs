using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Bot;
using PuoAiOps.Application.Escalations;
using PuoAiOps.Application.Metrics;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;
using PuoAiOps.Web.Localization;

namespace PuoAiOps.Web.Tests.Metrics;

/// <summary>
/// Escalation reasons in a stored report and in the queue's reason filter: grouped by their code, so out-of-scope
/// hand-overs at different confidences are one reason, and worded in the reader's language on the report page and in
/// the language asked for in a download, while the English stays for reports stored before the codes.
/// </summary>
public sealed class ReportReasonWordingTests(TeamFixture team) : IClassFixture<TeamFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateOnly Day = new(2026, 1, 15);

    [Fact]
    public async Task AReportsReasons_GroupByCode_AndReadInChinese_OnThePageAndInTheChineseDownload()
    {
        await SeedAsync();
        var report = await team.WithServiceAsync<ReportService, ReportDocument>(r => r.GenerateDailyAsync(Day, "test", Ct));
        var stored = await team.WithServiceAsync<ReportService, ReportDocument>(async r =>
            await r.GetAsync((await r.ListAsync(ReportKind.Daily, 10, Ct)).Single(s => s.Period == report.Period).Id, Ct));

        Assert.Equal(3, stored.Escalations.Total);
        var outOfScope = Assert.Single(stored.Escalations.ByReason, r => r.Count == 2);
        var payment = Assert.Single(stored.Escalations.ByReason, r => r.Count == 1);
        Assert.Equal(("out of scope", "payment needs a manual check"), (outOfScope.Reason, payment.Reason));
        Assert.Equal(("超出范围", "支付需要人工核对"), (InChinese(outOfScope.Code!), InChinese(payment.Code!)));

        // The download and the CLI render with the same wording as the page, in the language asked for.
        Assert.Contains("| 超出范围 | 2 |", ReportRenderer.Render(stored, ReportFormat.Markdown, "zh"), StringComparison.Ordinal);
        Assert.Contains("| out of scope | 2 |", ReportRenderer.Render(stored, ReportFormat.Markdown, "en"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheReasonFilter_OffersOutOfScopeOnce_AndFindsEveryConfidence()
    {
        await SeedAsync();
        var choices = await team.WithServiceAsync<EscalationQueue, IReadOnlyList<EscalationReasonChoice>>(q => q.ReasonsAsync(Ct));
        var outOfScope = Assert.Single(choices, c => c.Code is { Code: HandoffReason.OutOfScope });
        Assert.DoesNotContain(choices, c => c.Reason.StartsWith("out of scope (", StringComparison.Ordinal));
        Assert.Equal("超出范围", InChinese(outOfScope.Code!));
        var found = await team.WithServiceAsync<EscalationQueue, EscalationPage>(q => q.SearchAsync(new EscalationFilter { Reason = outOfScope.Reason }, null, Ct));
        Assert.True(found.Rows.Count >= 2);
        Assert.All(found.Rows, r => Assert.Equal(BotReason.OutOfScope, r.ReasonCode!.Code));
    }

    private Task<int> SeedAsync() => team.WithDbAsync(async db =>
    {
        if (db.Escalations.Any()) return 0;
        var at = Day.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
        foreach (var reason in new[] { CodedMessage.Of(BotReason.OutOfScope, 0.41), CodedMessage.Of(BotReason.OutOfScope, 0.93), CodedMessage.Of(HandoffReason.PaymentCheck) })
        {
            var conversation = new Conversation { UserRef = "u-" + Guid.NewGuid().ToString("N")[..8], Channel = "app", Locale = "en", StartedAt = at, Outcome = ConversationOutcome.Escalated };
            db.Conversations.Add(conversation);
            await db.SaveChangesAsync(Ct);
            db.Escalations.Add(new Escalation { ConversationId = conversation.Id, CreatedAt = at }.WithReason(reason));
        }
        return await db.SaveChangesAsync(Ct);
    });

    /// <summary>As the report page and the queue word a reason: <c>Words.Word(code)</c>, for a reader in zh-CN.</summary>
    private string InChinese(CodedMessage message)
    {
        var (ui, culture) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("zh-CN");
        try { return team.Services.GetRequiredService<MessageWords>().Word(message); }
        finally { (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, culture); }
    }
}
