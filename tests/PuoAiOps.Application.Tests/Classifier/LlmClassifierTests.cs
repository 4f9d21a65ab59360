using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Ai;
using PuoAiOps.Application.Classification.Data;
using PuoAiOps.Application.Classification.Evaluation;
using PuoAiOps.Application.Classification.Llm;
using PuoAiOps.Application.Classification.Models;
using PuoAiOps.Application.Classification.Registry;
using PuoAiOps.Application.Jobs;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Questions;
using PuoAiOps.Application.Tests.Infrastructure;
using PuoAiOps.Core.Text.Redaction;

namespace PuoAiOps.Application.Tests.Classifier;

/// <summary>The LLM classifier against an OpenAI-compatible server speaking the real wire format.</summary>
public sealed class LlmClassifierTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<ClassifierTestBed> BedAsync(FakeOpenAiServer server, Action<AiOptions>? tweak = null, int perIntent = 10) =>
        ClassifierTestBed.CreateAsync(perIntent: perIntent, outOfScope: 5, unlabeled: 0, configure: s => s.Configure<AiOptions>(o =>
        {
            o.Provider = AiProvider.OpenAI;
            o.Endpoint = server.V1;
            o.ApiKey = "sk-test-secret";
            o.Model = "fake-gpt";
            o.TimeoutSeconds = 5;
            o.MaxRetries = 0;
            o.MaxConcurrency = 2;
            o.InputPricePerMillionTokens = 2m;
            o.OutputPricePerMillionTokens = 8m;
            tweak?.Invoke(o);
        }));

    private static Task<LlmIntentClassifier> ClassifierAsync(ClassifierTestBed bed) =>
        bed.WithAsync<ClassifierFactory, LlmIntentClassifier>(async f =>
            await f.CreateLlmAsync(0, await new TrainingDataLoader(bed.NewContext()).IntentsAsync(activeOnly: true, Ct), Ct));

    [Fact]
    public async Task Prompt_ListsEveryActiveIntent_AndTheQuestionReachesTheServerRedacted()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Reply = _ => Task.FromResult(FakeReply.Answer("recharge_not_credited", 0.82));
        await using var bed = await BedAsync(server);
        var classifier = await ClassifierAsync(bed);

        var output = await classifier.ClassifyOneAsync("I paid 50 USD, mail me at jane.doe@example.com or call +1 415 555 0132 <b>now</b>", Ct);

        Assert.Equal(new ClassifierOutput("recharge_not_credited", "recharge_not_credited", 0.82f), output);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("fake-gpt", request.Model);
        Assert.Equal("Bearer sk-test-secret", request.Headers["Authorization"]);
        Assert.Equal("json_object", request.Body["response_format"]?["type"]?.GetValue<string>());
        Assert.Equal(0, request.Body["temperature"]?.GetValue<double>());
        foreach (var key in ClassifierTestBed.Phrases.Keys)
            Assert.Contains($"- {key}: ", request.System, StringComparison.Ordinal);
        Assert.Contains("The user's problem: payout delayed.", request.System, StringComparison.Ordinal);
        Assert.Contains("- oos: ", request.System, StringComparison.Ordinal);
        Assert.DoesNotContain("draft_intent", request.System, StringComparison.Ordinal);
        Assert.Contains("<EMAIL>", request.User, StringComparison.Ordinal);
        Assert.Contains("<PHONE>", request.User, StringComparison.Ordinal);
        Assert.DoesNotContain("jane.doe", request.User, StringComparison.Ordinal);
        Assert.DoesNotContain("555", request.User, StringComparison.Ordinal);
        // Rendered with escaping, decoded inside the message: the question arrives as the user wrote it.
        Assert.Contains("<b>now</b>", request.User, StringComparison.Ordinal);
        Assert.Equal(2, request.Messages.Count);
    }

    [Fact]
    public async Task AdminPiiPatterns_AreAppliedBeforeTheQuestionLeaves()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Reply = _ => Task.FromResult(FakeReply.Answer("stream_lag", 0.8));
        await using var bed = await BedAsync(server);
        // Added after the questions were imported: the stored text still holds the raw value.
        await using (var db = bed.NewContext())
            await new PiiPatternStore(db).SaveAsync([new CustomPiiPattern("room_id", @"room#\d{5,9}")], "admin-1", "Admin", Ct);
        var classifier = await ClassifierAsync(bed);

        await classifier.ClassifyOneAsync("my stream in room#4455667 lags, card 4111 1111 1111 1111", Ct);

        var user = Assert.Single(server.Requests).User;
        Assert.Contains("<ROOM_ID>", user, StringComparison.Ordinal);
        Assert.Contains("<CARD>", user, StringComparison.Ordinal);
        Assert.DoesNotContain("4455667", user, StringComparison.Ordinal);
        Assert.DoesNotContain("4111", user, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LlmEvaluationJob_AgainstADeadEndpoint_FailsWithAMessageNamingTheHost_AndStoresNothing()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        var dead = new Uri("http://127.0.0.1:9/v1"); // the discard port: nothing listens there
        await using var bed = await BedAsync(server, o => o.Endpoint = dead.ToString());
        await bed.WithAsync<PuoAiOps.Application.Classification.Jobs.ClassifierJobService, (BackgroundJob, bool)>(j => j.EvaluateLlmAsync(null, ClassifierTestBed.Curator, Ct));
        await bed.Services.GetRequiredService<JobRunner>().DrainAsync(Ct);

        await using var db = bed.NewContext();
        var job = await db.Jobs.AsNoTracking().SingleAsync(Ct);
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.StartsWith($"The LLM endpoint {dead.GetLeftPart(UriPartial.Authority)} could not be reached", job.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-test-secret", job.Message, StringComparison.Ordinal);
        Assert.Equal(0, await db.ModelVersions.CountAsync(Ct));
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("sorry, I cannot help with that", "no JSON object in the answer")]
    [InlineData("{\"intent\": \"refund_request\", \"confidence\": 0.9}", "the intent is not one of the offered keys")]
    [InlineData("{\"intent\": \"stream_lag\", \"confidence\": 1.7}", "the confidence is outside 0..1")]
    [InlineData("{\"intent\": \"stream_lag\"}", "no numeric \"confidence\"")]
    [InlineData("{\"intent\": \"stream_lag\", \"confidence\": 0.4", "no JSON object in the answer")]
    public async Task InvalidAnswers_BecomeFailures_NotExceptions(string answer, string reason)
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Reply = _ => Task.FromResult(FakeReply.Content(answer));
        await using var bed = await BedAsync(server);
        var classifier = await ClassifierAsync(bed);

        var outputs = await classifier.ClassifyAsync(["my stream lags", "gift missing"], null, Ct);

        Assert.All(outputs, o => Assert.Equal(ClassifierOutput.Failure("oos"), o));
        Assert.Equal(2, classifier.Usage.InvalidAnswers[reason]);
    }

    [Fact]
    public async Task FencedAnswers_AndQuotedConfidence_AreAccepted()
    {
        var labels = new HashSet<string>(["stream_lag", "oos"], StringComparer.Ordinal);
        Assert.True(LlmAnswerParser.TryParse("```json\n{\"Intent\": \"stream_lag\", \"confidence\": \"0.75\", \"rationale\": \"lag\"}\n```", labels, out var answer, out _));
        Assert.Equal(new LlmAnswer("stream_lag", 0.75f, "lag"), answer);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task SlowEndpoint_TimesOut_AndADeadEndpointStopsTheRunWithAClearMessage()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Reply = _ => Task.FromResult(FakeReply.Answer("stream_lag", 0.9) with { Delay = TimeSpan.FromSeconds(10) });
        await using var bed = await BedAsync(server, o => { o.TimeoutSeconds = 1; o.MaxConcurrency = 4; });
        var classifier = await ClassifierAsync(bed);

        var single = await classifier.ClassifyOneAsync("my stream lags", Ct);
        Assert.True(single.Failed);

        var failure = await Assert.ThrowsAsync<AiUnavailableException>(() => classifier.ClassifyAsync(Enumerable.Repeat("stream lags", 12).ToList(), null, Ct));
        Assert.Contains($"{server.BaseAddress.GetLeftPart(UriPartial.Authority)} did not answer within 1 s", failure.Message, StringComparison.Ordinal);
        Assert.True(server.Requests.Count < 12, $"{server.Requests.Count} requests sent to a dead endpoint");
    }

    [Fact]
    public async Task ServerErrors_AreRetried()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        var calls = 0;
        server.Reply = _ => Task.FromResult(Interlocked.Increment(ref calls) == 1 ? new FakeReply("", Status: 503) : FakeReply.Answer("gift_missing", 0.7));
        await using var bed = await BedAsync(server, o => o.MaxRetries = 2);
        var output = await (await ClassifierAsync(bed)).ClassifyOneAsync("my gift vanished", Ct);
        Assert.Equal("gift_missing", output.Label);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task LlmEvaluation_IsStoredAsAVersionWithMetricsUsageAndCost_LikeAnOfflineOne()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        await using var bed = await BedAsync(server);
        // Answers right, except that it always calls gift questions out of scope.
        server.Reply = request =>
        {
            var label = bed.Truth.FirstOrDefault(t => request.User.Contains(t.Key, StringComparison.Ordinal)).Value ?? "oos";
            return Task.FromResult(label == "gift_missing" ? FakeReply.Answer("oos", 0.4) : FakeReply.Answer(label, 0.9));
        };
        await bed.WithAsync<PuoAiOps.Application.Classification.Jobs.ClassifierJobService, (BackgroundJob, bool)>(j => j.EvaluateLlmAsync("gpt-check", ClassifierTestBed.Reviewer, Ct));
        await bed.Services.GetRequiredService<JobRunner>().DrainAsync(Ct);

        await using var db = bed.NewContext();
        var job = await db.Jobs.AsNoTracking().SingleAsync(Ct);
        Assert.True(job.Status == JobStatus.Succeeded, job.Message);
        var version = await db.ModelVersions.AsNoTracking().SingleAsync(Ct);
        Assert.Equal(ModelKind.Llm, version.Kind);
        Assert.Equal("gpt-check", version.Name);
        Assert.Null(version.Blob);
        var settings = ModelSettings.FromJson(version.Settings);
        Assert.Equal("fake-gpt", settings.Llm?.Model);
        Assert.Equal("classify", settings.Llm?.Prompt);
        Assert.DoesNotContain("sk-test-secret", version.Settings, StringComparison.Ordinal);

        var report = EvaluationJson.Read(version.Metrics);
        var testSize = server.Requests.Count;
        Assert.Equal(testSize, report.TestCount);
        Assert.Equal(0, report.Failures);
        Assert.Equal(0, report.PerLabel.Single(l => l.Label == "gift_missing").Recall);
        Assert.Equal(1, report.PerLabel.Single(l => l.Label == "stream_lag").F1);
        Assert.NotNull(report.Usage);
        Assert.Equal(testSize, report.Usage.Calls);
        Assert.Equal(120L * testSize, report.Usage.InputTokens);
        Assert.Equal(18L * testSize, report.Usage.OutputTokens);
        Assert.Equal(Math.Round(testSize * (120 * 2m + 18 * 8m) / 1_000_000m, 4), report.Usage.EstimatedCost);

        // Scored on the offline versions' test part.
        var offline = await bed.WithAsync<ModelTrainingService, ModelVersionSummary>(s => s.TrainAsync(new TrainRequest(), ClassifierTestBed.Curator, ct: Ct));
        Assert.Equal(offline.TestCount, report.TestCount);
        Assert.Equal(ModelAudit.LlmEvaluated, (await db.AuditLog.AsNoTracking().OrderBy(a => a.Id).FirstAsync(Ct)).Action);
    }
}
