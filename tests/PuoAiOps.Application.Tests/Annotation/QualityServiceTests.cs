using PuoAiOps.Application.Annotation;
using PuoAiOps.Application.Persistence.Entities;
using static PuoAiOps.Application.Tests.Annotation.TestToken;

namespace PuoAiOps.Application.Tests.Annotation;

public class QualityServiceTests
{
    [Fact]
    public async Task BatchReport_ComputesAgreementConfusionAndAnnotatorScores()
    {
        await using var env = await AnnotationDatabase.CreateAsync();
        var users = await env.AddUsersAsync(2);
        var reviewer = (await env.AddUsersAsync(1, "reviewer"))[0];
        var intents = await env.AddIntentsAsync("x", "y");
        int x = intents[0], y = intents[1];
        var gold = await env.AddQuestionsAsync(1, (_, q) => { q.FinalIntentId = x; q.FinalLabelSource = "adjudicated"; });
        var q = await env.AddQuestionsAsync(4, (i, question) => question.PredictedConfidence = i / 10.0);
        // Question → (annotator A's label, annotator B's label); null = out of scope.
        var plan = new Dictionary<long, (int? A, int? B)>
        {
            [q[0]] = (x, x), [q[1]] = (x, y), [q[2]] = (y, y), [q[3]] = (null, x), [gold[0]] = (x, y),
        };
        var batch = await env.AddBatchAsync(users, goldShare: 0.2);
        await using var db = env.Context();
        var queue = env.Queue(db);
        for (var u = 0; u < 2; u++)
            for (var item = await queue.NextAsync(batch.Id, users[u], Ct); item is not null;)
            {
                var choice = u == 0 ? plan[item.QuestionId].A : plan[item.QuestionId].B;
                var label = choice is { } id ? LabelInput.ForIntent(id, durationMs: 30_000) : LabelInput.ForOutOfScope(durationMs: 30_000);
                item = (await queue.SubmitAndNextAsync(item.ItemId, users[u], label, Ct)).Next;
            }
        var disputed = db.Items.Single(i => i.QuestionId == q[1]).Id;
        await env.Adjudication(db).AdjudicateAsync(disputed, reviewer, new AdjudicationInput(y, false, "y per guide"), Ct);

        var report = await new QualityService(db).BatchReportAsync(batch.Id, Ct);

        Assert.Equal(5, report.Items);
        Assert.Equal(10, report.Labels);
        // Hand-computed from the plan: 2 of 5 items agree; A gave x,x,y,oos,x and B x,y,y,x,y.
        Assert.Equal(0.4, report.Agreement.PercentAgreement!.Value, 6);
        var pair = Assert.Single(report.Agreement.AnnotatorPairs);
        Assert.Equal(5, pair.Items);
        Assert.Equal((0.4 - 0.36) / (1 - 0.36), pair.Kappa!.Value, 6);
        Assert.Equal(pair.Kappa, report.Agreement.MeanCohensKappa);
        Assert.Equal((0.4 - 0.42) / (1 - 0.42), report.Agreement.Fleiss.Kappa!.Value, 6);
        Assert.Equal(1 - 9 * 6 / 58.0, report.Agreement.Krippendorff.Alpha!.Value, 6);

        Assert.Equal(("Name of x", "Name of y", 2L), (report.MostConfused[0].First.DisplayName(), report.MostConfused[0].Second.DisplayName(), report.MostConfused[0].Count));
        Assert.Equal(("oos", "x", 1L), (report.MostConfused[1].First.Key, report.MostConfused[1].Second.Key, report.MostConfused[1].Count));

        var intentX = report.PerIntent.Single(i => i.Intent.Id == x);
        Assert.Equal(5, intentX.Labels);
        Assert.Equal(4, intentX.Items);
        Assert.Equal(0.4, intentX.SpecificAgreement!.Value, 6);

        var a = report.Annotators.Single(r => r.UserId == users[0]);
        var b = report.Annotators.Single(r => r.UserId == users[1]);
        Assert.Equal(new MatchRateView(1, 1), new MatchRateView(a.Gold.Matches, a.Gold.Total));
        Assert.Equal(new MatchRateView(0, 1), new MatchRateView(b.Gold.Matches, b.Gold.Total));
        Assert.Equal(new MatchRateView(2, 3), new MatchRateView(a.FinalLabel.Matches, a.FinalLabel.Total)); // q4 is still unsettled
        Assert.Equal(new MatchRateView(3, 3), new MatchRateView(b.FinalLabel.Matches, b.FinalLabel.Total));
        Assert.Equal(120, a.ItemsPerHour!.Value, 6); // 5 labels × 30 s
        Assert.Equal(5, a.Labels);
        Assert.Equal("User 1", a.DisplayName);
    }

    [Fact]
    public async Task BatchReport_UnknownBatchIsNotFound()
    {
        await using var env = await AnnotationDatabase.CreateAsync();
        await using var db = env.Context();

        var ex = await Assert.ThrowsAsync<AnnotationException>(() => new QualityService(db).BatchReportAsync(31337, Ct));

        Assert.Equal(AnnotationError.NotFound, ex.Error);
    }

    private sealed record MatchRateView(int Matches, int Total);
}
