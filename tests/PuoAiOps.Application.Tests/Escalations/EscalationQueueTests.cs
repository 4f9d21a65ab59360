using PuoAiOps.Application.Common;
using PuoAiOps.Application.Escalations;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Tests.Escalations;

/// <summary>The queue's filters, counts, order and paging, over hand-built cases.</summary>
public sealed class EscalationQueueTests
{
    private static CancellationToken Ct => EscalationTestBed.Ct;

    private static async Task<(EscalationTestBed Bed, long Old, long Mine, long Closed, long Zh)> SeedAsync()
    {
        var bed = await EscalationTestBed.CreateAsync();
        var now = DateTime.UtcNow;
        var old = await bed.AddAsync("low intent confidence", now.AddDays(-3));
        var mine = await bed.AddAsync("user asked for an agent", now.AddHours(-5), status: EscalationStatus.Assigned, assignee: bed.Curator.UserId);
        var closed = await bed.AddAsync("user asked for an agent", now.AddHours(-4), status: EscalationStatus.Closed, assignee: bed.Reviewer.UserId);
        var zh = await bed.AddAsync("payout investigation", now.AddHours(-1), locale: "zh-CN", channel: "web", question: "我的收益没到账");
        return (bed, old, mine, closed, zh);
    }

    [Fact]
    public async Task Search_ListsTheLongestWaitingFirst_WithTheConversationsFacts()
    {
        var (bed, old, mine, closed, zh) = await SeedAsync();
        await using var _ = bed;

        var page = await bed.SearchAsync(new EscalationFilter());

        Assert.Equal([old, mine, closed, zh], page.Rows.Select(r => r.Id));
        Assert.Equal(4, page.Total);
        var row = page.Rows.Single(r => r.Id == zh);
        Assert.Equal(("zh-CN", "web", "我的收益没到账", "open", (string?)null), (row.Locale, row.Channel, row.FirstQuestion, row.Status, row.AssigneeName));
        Assert.Equal(bed.Curator.DisplayName, page.Rows.Single(r => r.Id == mine).AssigneeName);
        Assert.Equal([zh, closed, mine, old], (await bed.SearchAsync(new EscalationFilter { Sort = "-created" })).Rows.Select(r => r.Id));
    }

    [Fact]
    public async Task Search_FiltersByStatusReasonLocaleChannelAndAssignee()
    {
        var (bed, old, mine, closed, zh) = await SeedAsync();
        await using var _ = bed;

        async Task<long[]> Ids(EscalationFilter f, string? me = null) => (await bed.SearchAsync(f, me)).Rows.Select(r => r.Id).ToArray();

        Assert.Equal([old, zh], await Ids(new() { Status = "open" }));
        Assert.Equal([closed], await Ids(new() { Status = "closed" }));
        Assert.Equal([mine, closed], await Ids(new() { Reason = "user asked for an agent" }));
        Assert.Equal([zh], await Ids(new() { Locale = "zh-CN" }));
        Assert.Equal([zh], await Ids(new() { Channel = "web" }));
        Assert.Equal([mine], await Ids(new() { Assignee = EscalationLimits.Mine }, bed.Curator.UserId));
        Assert.Empty(await Ids(new() { Assignee = EscalationLimits.Mine }, null));
        Assert.Equal([old, zh], await Ids(new() { Assignee = EscalationLimits.Unassigned }));
        Assert.Equal([closed], await Ids(new() { Assignee = bed.Reviewer.UserId }));
    }

    [Fact]
    public async Task Search_FiltersByDateRange_InWorkspaceDays()
    {
        var (bed, old, _, _, _) = await SeedAsync();
        await using var __ = bed;
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-3));

        Assert.Equal([old], (await bed.SearchAsync(new EscalationFilter { From = day, To = day })).Rows.Select(r => r.Id));
        Assert.Equal(3, (await bed.SearchAsync(new EscalationFilter { From = day.AddDays(1) })).Total);
    }

    [Fact]
    public async Task Counts_ArePerStatus_UnderTheOtherFilters()
    {
        var (bed, _, _, _, _) = await SeedAsync();
        await using var _ = bed;

        var all = await bed.RunAsync<EscalationQueue, EscalationCounts>(q => q.CountsAsync(new EscalationFilter { Status = "closed" }, null, Ct));
        var english = await bed.RunAsync<EscalationQueue, EscalationCounts>(q => q.CountsAsync(new EscalationFilter { Locale = "en" }, null, Ct));

        Assert.Equal((2, 1, 1, 4), (all.Open, all.Assigned, all.Closed, all.All));
        Assert.Equal((1, 1, 1), (english.Open, english.Assigned, english.Closed));
    }

    [Fact]
    public async Task Search_PagesThroughTheQueue()
    {
        var (bed, old, mine, closed, zh) = await SeedAsync();
        await using var _ = bed;

        var second = await bed.SearchAsync(new EscalationFilter { Page = 1, PageSize = 3 });

        Assert.Equal([zh], second.Rows.Select(r => r.Id));
        Assert.Equal(4, second.Total);
    }

    [Theory]
    [InlineData("status", "pending")]
    [InlineData("sort", "age")]
    public async Task Search_RefusesAnUnknownValue(string field, string value)
    {
        await using var bed = await EscalationTestBed.CreateAsync();
        var filter = field == "status" ? new EscalationFilter { Status = value } : new EscalationFilter { Sort = value };

        var refused = await Assert.ThrowsAsync<ValidationException>(() => bed.SearchAsync(filter));

        Assert.Equal(EscalationRefusal.UnknownValue, refused.Codes[field].Single()!.Code);
    }

    [Fact]
    public async Task Search_RefusesADateRangeThatEndsBeforeItStarts()
    {
        await using var bed = await EscalationTestBed.CreateAsync();

        var refused = await Assert.ThrowsAsync<ValidationException>(() => bed.SearchAsync(new EscalationFilter { From = new DateOnly(2026, 12, 2), To = new DateOnly(2026, 12, 1) }));

        Assert.Equal(EscalationRefusal.DatesReversed, refused.Code!.Code);
    }

    [Fact]
    public async Task Handlers_AreEnabledCuratorsReviewersAndAdmins()
    {
        await using var bed = await EscalationTestBed.CreateAsync();

        var handlers = await bed.RunAsync<EscalationQueue, IReadOnlyList<EscalationHandler>>(q => q.HandlersAsync(Ct));

        Assert.Equal([bed.Curator.UserId, bed.Reviewer.UserId], handlers.Select(h => h.Id));
    }
}
