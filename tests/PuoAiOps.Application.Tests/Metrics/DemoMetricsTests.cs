using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Demo;
using PuoAiOps.Application.Metrics;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Tests.Demo;
using PuoAiOps.Core.Messages;
using PuoAiOps.Core.Metrics;

namespace PuoAiOps.Application.Tests.Metrics;

/// <summary>A demo workspace of its own (these tests write rollups, reports and grades), seeded once.</summary>
public sealed class MetricsDemoFixture : IAsyncLifetime
{
    public DemoTestDatabase Database { get; private set; } = null!;
    public ServiceProvider Services { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Database = await DemoTestDatabase.CreateAsync();
        await using (var db = Database.Open()) await new DemoWorkspace(db, clock: new FixedClock()).SeedAsync();
        Services = MetricsHost.Build(Database.Directory, new FixedClock());
        await Services.WithAsync(sp => sp.GetRequiredService<RollupBuilder>().BuildAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }
}

public sealed class DemoMetricsTests(MetricsDemoFixture fixture) : IClassFixture<MetricsDemoFixture>
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private static readonly DateOnly Today = DateOnly.FromDateTime(FixedClock.Default.UtcDateTime);

    [Fact]
    public async Task Rollups_OnTheDemo_EqualAFullRecomputation()
    {
        // Other tests of this class add grades; an incremental run first, so the check compares what it keeps current.
        await fixture.Services.WithAsync(sp => sp.GetRequiredService<RollupBuilder>().BuildAsync(Ct));
        var check = await fixture.Services.WithAsync(sp => sp.GetRequiredService<RollupBuilder>().CheckAsync(Ct));
        Assert.True(check.Equal, string.Join("\n", check.Differences));
        Assert.True(check.Days >= 90);
    }

    [Fact]
    public async Task Overview_OnTheDemo_HasIndicatorsTrendsFunnelWorstIntentsAndTheIncidentAlert()
    {
        var filter = new MetricsFilter(Today.AddDays(-28), Today.AddDays(-1));
        var view = await fixture.Services.WithAsync(sp => sp.GetRequiredService<MetricsQueryService>().OverviewAsync(filter, Ct));

        Assert.Equal(MetricRegistry.Version, view.DefinitionsVersion);
        var resolution = view.Headline.Single(i => i.Key == MetricKeys.Resolution);
        Assert.InRange(resolution.Value!.Value, resolution.Low!.Value, resolution.High!.Value);
        Assert.NotNull(resolution.Change);
        Assert.Contains(view.Headline, i => i.Key == MetricKeys.Reuse);
        Assert.Contains(view.Headline, i => i.Key == MetricKeys.FailureRecontact);
        Assert.Equal(28, view.Daily.Count);
        Assert.InRange(view.Weekly.Count, 4, 5);
        Assert.Equal(view.Funnel.Involved, view.Funnel.Resolved + view.Funnel.Escalated + view.Funnel.Abandoned + view.Funnel.Unresolved + view.Funnel.Open);
        var ranked = view.WorstIntents.Where(r => r.Resolution.Denominator >= MetricsQueryService.MinimumForRanking).ToList();
        Assert.Equal(ranked.Select(r => r.Resolution.Rate), ranked.Select(r => r.Resolution.Rate).Order());
        // The demo's payment incident (23 days back) must stand out.
        Assert.Contains(view.Alerts, a => a.Day == Today.AddDays(-23));
    }

    [Fact]
    public async Task DrillDown_Escalation_ListsOnlyEscalatedConversations()
    {
        var day = Today.AddDays(-3);
        var rows = await fixture.Services.WithAsync(sp => sp.GetRequiredService<DrillDownService>()
            .ConversationsAsync(new MetricsFilter(day, day), MetricKeys.Escalation, ct: Ct));
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(nameof(ResolutionState.Escalated), r.State));
    }

    [Fact]
    public async Task Reports_DailyAndWeekly_AreStoredListedAndRenderInBothLanguages()
    {
        var day = Today.AddDays(-1);
        var week = ReportingCalendar.IsoWeekOf(Today.AddDays(-7));
        await fixture.Services.WithAsync(sp => sp.GetRequiredService<ReportService>().GenerateDailyAsync(day, "test", Ct));
        var weekly = await fixture.Services.WithAsync(sp => sp.GetRequiredService<ReportService>().GenerateWeeklyAsync(week, "test", Ct));
        var list = await fixture.Services.WithAsync(sp => sp.GetRequiredService<ReportService>().ListAsync(ct: Ct));
        Assert.Contains(list, r => r.Kind == ReportKind.Daily && r.Period == day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(list, r => r.Kind == ReportKind.Weekly && r.Period == week && r.DefinitionsVersion == MetricRegistry.Version);

        var stored = await fixture.Services.WithAsync(sp => sp.GetRequiredService<ReportService>().GetAsync(list.First(r => r.Period == week).Id, Ct));
        Assert.Equal(weekly.Indicators.Select(i => (i.Key, i.Numerator, i.Denominator)), stored.Indicators.Select(i => (i.Key, i.Numerator, i.Denominator)));
        Assert.NotEmpty(stored.TopFailingIntents);
        var en = ReportRenderer.Markdown(stored, "en");
        var zh = ReportRenderer.Markdown(stored, "zh");
        Assert.Contains("Weekly data review " + week, en);
        Assert.Contains("metrics-v1", en);
        Assert.Contains("每周数据复盘", zh);
        Assert.Contains("问题解决率", zh);
    }

    [Fact]
    public async Task Report_ForAPeriodNotOverYet_IsRefused() =>
        await Assert.ThrowsAsync<ValidationException>(() => fixture.Services.WithAsync(sp => sp.GetRequiredService<ReportService>().GenerateDailyAsync(Today, "test", Ct)));

    [Fact]
    public async Task Grading_DrawsAStratifiedSample_GradesTwice_AndMeasuresAgreement()
    {
        var week = ReportingCalendar.IsoWeekOf(Today.AddDays(-14));
        var sample = await fixture.Services.WithAsync(sp => sp.GetRequiredService<GradingService>().DrawSampleAsync(week, 60, Ct));
        Assert.Equal(60, sample.Answers);
        Assert.True(sample.Strata > 20);
        var again = await fixture.Services.WithAsync(sp => sp.GetRequiredService<GradingService>().DrawSampleAsync(week, 60, Ct));
        Assert.True(again.AlreadyDrawn);

        var first = Actor.User("rev-1", "Reviewer One", Roles.Reviewer);
        var second = Actor.User("rev-2", "Reviewer Two", Roles.Reviewer);
        await Assert.ThrowsAsync<ForbiddenException>(() => fixture.Services.WithAsync(sp =>
            sp.GetRequiredService<GradingService>().NextAsync(Actor.User("v", "Viewer", Roles.Viewer), week, Ct)));

        // Reviewer one grades everything they may; reviewer two then gets the second slots.
        var graded = 0;
        while (await fixture.Services.WithAsync(sp => sp.GetRequiredService<GradingService>().NextAsync(first, week, Ct)) is { } item)
        {
            var verdict = item.TurnId % 3 == 0 ? GradeVerdict.Incorrect : GradeVerdict.Correct;
            string[] reasons = verdict == GradeVerdict.Correct ? [] : [GradeReasons.WrongIntent];
            await fixture.Services.WithAsync(sp => sp.GetRequiredService<GradingService>().SubmitAsync(first, item.AssignmentId, verdict, reasons, null, Ct));
            graded++;
        }
        Assert.Equal(60, graded);
        while (await fixture.Services.WithAsync(sp => sp.GetRequiredService<GradingService>().NextAsync(second, week, Ct)) is { } item)
        {
            Assert.Equal(2, item.Slot);
            var verdict = item.TurnId % 3 == 0 ? GradeVerdict.Incorrect : GradeVerdict.Correct;
            string[] reasons = verdict == GradeVerdict.Correct ? [] : [GradeReasons.OutdatedSop];
            await fixture.Services.WithAsync(sp => sp.GetRequiredService<GradingService>().SubmitAsync(second, item.AssignmentId, verdict, reasons, null, Ct));
        }
        var progress = await fixture.Services.WithAsync(sp => sp.GetRequiredService<GradingService>().ProgressAsync(week, Ct));
        Assert.Equal(60, progress.Graded);
        Assert.Equal(progress.SecondSlots, progress.SecondGraded);
        Assert.Equal(1.0, progress.ObservedAgreement);
    }

    [Fact]
    public async Task Grading_TwoReviewersOpeningTheQueue_GetDifferentAnswers_AndALeaseExpires()
    {
        var week = ReportingCalendar.IsoWeekOf(Today.AddDays(-42));
        var clock = new PuoAiOps.Application.Tests.Classifier.ManualClock();
        await using var services = MetricsHost.Build(fixture.Database.Directory, clock, o => o.DoubleGradeShare = 0);
        var sample = await services.WithAsync(sp => sp.GetRequiredService<GradingService>().DrawSampleAsync(week, 4, Ct));
        Task<GradingItem?> Next(Actor reviewer) => services.WithAsync(sp => sp.GetRequiredService<GradingService>().NextAsync(reviewer, week, Ct));
        Task<AnswerGrade> Grade(Actor reviewer, long id) =>
            services.WithAsync(sp => sp.GetRequiredService<GradingService>().SubmitAsync(reviewer, id, GradeVerdict.Correct, [], null, Ct));
        var a = Actor.User("lease-a", "Reviewer A", Roles.Reviewer);
        var b = Actor.User("lease-b", "Reviewer B", Roles.Reviewer);
        var c = Actor.User("lease-c", "Reviewer C", Roles.Reviewer);

        var first = Assert.IsType<GradingItem>(await Next(a));
        var second = Assert.IsType<GradingItem>(await Next(b));
        Assert.NotEqual(first.TurnId, second.TurnId);
        // Opening the page again shows each reviewer the answer they hold.
        Assert.Equal(first.AssignmentId, (await Next(a))?.AssignmentId);
        var held = await Assert.ThrowsAsync<ConflictException>(() => Grade(b, first.AssignmentId));
        Assert.Equal(MetricsRefusal.OpenByAnotherReviewer, held.Code?.Code);

        // A third reviewer grades the rest and is never shown the two held answers.
        var seen = new List<long>();
        while (await Next(c) is { } item)
        {
            seen.Add(item.AssignmentId);
            await Grade(c, item.AssignmentId);
        }
        Assert.Equal(sample.Answers - 2, seen.Count);
        Assert.DoesNotContain(first.AssignmentId, seen);
        Assert.DoesNotContain(second.AssignmentId, seen);

        // A walks away: once the lease has expired the answer goes to whoever asks next.
        clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(first.AssignmentId, (await Next(c))?.AssignmentId);
        await Assert.ThrowsAsync<ConflictException>(() => Grade(a, first.AssignmentId));
        await Grade(c, first.AssignmentId);
        await Grade(b, second.AssignmentId);
        Assert.Null(await Next(a));
    }

    [Fact]
    public async Task Grading_RejectsMissingOrUnknownReasons()
    {
        var week = ReportingCalendar.IsoWeekOf(Today.AddDays(-21));
        await fixture.Services.WithAsync(sp => sp.GetRequiredService<GradingService>().DrawSampleAsync(week, 5, Ct));
        var reviewer = Actor.User("rev-3", "Reviewer Three", Roles.Reviewer);
        var item = await fixture.Services.WithAsync(sp => sp.GetRequiredService<GradingService>().NextAsync(reviewer, week, Ct));
        Assert.NotNull(item);
        var missing = await Assert.ThrowsAsync<ValidationException>(() => fixture.Services.WithAsync(sp =>
            sp.GetRequiredService<GradingService>().SubmitAsync(reviewer, item.AssignmentId, GradeVerdict.Incorrect, [], null, Ct)));
        Assert.Equal(CodedMessage.Of(MetricsRefusal.ReasonRequired), missing.Codes["reasons"].Single());
        var unknown = await Assert.ThrowsAsync<ValidationException>(() => fixture.Services.WithAsync(sp =>
            sp.GetRequiredService<GradingService>().SubmitAsync(reviewer, item.AssignmentId, GradeVerdict.Partial, ["made_up"], null, Ct)));
        Assert.Equal(MetricsRefusal.UnknownReasons, unknown.Code?.Code);
        Assert.Equal("made_up", unknown.Code?.Args[0]);
        await using var db = fixture.Database.Open();
        Assert.Null(await db.GradingAssignments.Where(a => a.Id == item.AssignmentId).Select(a => a.GradeId).SingleAsync(Ct));
    }

    [Fact]
    public async Task DemoGradingSample_GradesTheFirstSlots_OnceAndLeavesTheSecondOnesOpen()
    {
        var week = ReportingCalendar.IsoWeekOf(Today.AddDays(-35));
        var graded = await fixture.Services.WithAsync(sp => new DemoGradingSample(sp.GetRequiredService<PuoAiOps.Application.Persistence.PuoDbContext>(),
            sp.GetRequiredService<GradingService>(), sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<MetricsOptions>>(), new FixedClock()).EnsureAsync(week, Ct));
        Assert.Equal(DemoGradingSample.Size, graded);
        var again = await fixture.Services.WithAsync(sp => new DemoGradingSample(sp.GetRequiredService<PuoAiOps.Application.Persistence.PuoDbContext>(),
            sp.GetRequiredService<GradingService>(), sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<MetricsOptions>>(), new FixedClock()).EnsureAsync(week, Ct));
        Assert.Equal(0, again);
        var progress = await fixture.Services.WithAsync(sp => sp.GetRequiredService<GradingService>().ProgressAsync(week, Ct));
        Assert.Equal(DemoGradingSample.Size, progress.Graded);
        Assert.Equal(0, progress.SecondGraded);
        var periods = await fixture.Services.WithAsync(sp => sp.GetRequiredService<GradingOverview>().PeriodsAsync(Ct));
        Assert.Contains(periods, p => p.Period == week && p.Graded == p.Sampled);
    }

    [Fact]
    public async Task JudgeComparison_OnTheDemo_IsASeparateSeriesWithItsKappaAgainstReviewers()
    {
        var judge = await fixture.Services.WithAsync(sp => sp.GetRequiredService<GradingOverview>().JudgeAsync(Today.AddDays(-56), Today.AddDays(-1), Ct));
        Assert.True(judge.HasJudge);
        Assert.InRange(judge.Weeks.Count, 8, 9);
        Assert.True(judge.Pairs > 50);
        // The demo judge agrees with the truth 86 % of the time: clearly better than chance, clearly not perfect.
        Assert.InRange(judge.Kappa!.Value, 0.4, 0.95);
    }

    [Fact]
    public async Task FilterChoices_OnTheDemo_OfferItsLocalesChannelsDomainsAndIntentKeys()
    {
        var choices = await fixture.Services.WithAsync(sp => sp.GetRequiredService<MetricsChoices>().FilterChoicesAsync(Ct));
        Assert.Contains("en", choices.Locales);
        Assert.Contains("zh-CN", choices.Locales);
        Assert.DoesNotContain(ConversationFacts.PlaygroundChannel, choices.Channels);
        Assert.NotEmpty(choices.Domains);
        Assert.NotEmpty(choices.IntentKeys);
    }

    [Fact]
    public async Task ReportJob_RefusesViewersAndPeriodsNotOver_AndReportsProgressWhileGenerating()
    {
        var curator = Actor.User("cur-1", "Curator One", Roles.Curator);
        await fixture.Services.WithAsync<bool>(async sp =>
        {
            var jobs = new ReportJobService(new PuoAiOps.Application.Jobs.JobQueue(sp.GetRequiredService<PuoAiOps.Application.Persistence.PuoDbContext>(), new FixedClock()),
                sp.GetRequiredService<ReportService>());
            var viewer = await Assert.ThrowsAsync<ForbiddenException>(() => jobs.QueueAsync(ReportKind.Daily, "2026-01-01", Actor.User("v", "Viewer", Roles.Viewer), Ct));
            Assert.Equal(CodedMessage.Of(MetricsRefusal.ReportNeedsRole), viewer.Code);
            var notOver = await Assert.ThrowsAsync<ValidationException>(() => jobs.QueueAsync(ReportKind.Weekly, ReportingCalendar.IsoWeekOf(Today), curator, Ct));
            Assert.Equal(MetricsRefusal.WeekNotOver, notOver.Codes["period"].Single()?.Code);
            var unreadable = await Assert.ThrowsAsync<ValidationException>(() => jobs.QueueAsync(ReportKind.Daily, "yesterday", curator, Ct));
            Assert.Equal(CodedMessage.Of(MetricsRefusal.NotADay, "yesterday"), unreadable.Codes["day"].Single());
            var (job, created) = await jobs.QueueAsync(ReportKind.Daily, " " + Today.AddDays(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), curator, Ct);
            Assert.True(created);
            Assert.Contains("\"period\":\"" + Today.AddDays(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "\"", job.Payload, StringComparison.Ordinal);
            return true;
        });
        var progress = new RecordingProgress();
        await fixture.Services.WithAsync(sp => sp.GetRequiredService<ReportService>().GenerateDailyAsync(Today.AddDays(-2), "test", progress, Ct));
        Assert.Equal([0.05, 0.5, 0.9], progress.Fractions);
    }

    private sealed class RecordingProgress : PuoAiOps.Application.Jobs.IJobProgress
    {
        public List<double> Fractions { get; } = [];

        public Task ReportAsync(double fraction, PuoAiOps.Core.Messages.CodedMessage message, CancellationToken ct = default)
        {
            Fractions.Add(fraction);
            return Task.CompletedTask;
        }
    }
}
