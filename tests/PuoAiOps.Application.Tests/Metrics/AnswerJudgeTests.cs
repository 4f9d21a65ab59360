using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PuoAiOps.Application.Ai;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Jobs;
using PuoAiOps.Application.Metrics;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Tests.Infrastructure;

namespace PuoAiOps.Application.Tests.Metrics;

/// <summary>The LLM judge against an OpenAI-compatible server speaking the real wire format.</summary>
public sealed class AnswerJudgeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Week = "2025-W25";
    private const int Answers = 6;

    // Long enough that no answer the fake server gives at once runs into it on a loaded machine: only the test that
    // is about slowness reaches it, on a fake clock.
    private const int LlmTimeoutSeconds = 60;

    private static string Grade(string verdict, params string[] reasons) => JsonSerializer.Serialize(new { verdict, reasons, note = "checked against the passage" });

    [Fact]
    public async Task Run_StoresValidGradesAsTheJudgesOwnSeries_AndNoPersonalDataLeaves()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Reply = r => Task.FromResult(FakeReply.Content(r.User.Contains("answer 1", StringComparison.Ordinal)
            ? Grade("incorrect", "invented_facts", "tone") : Grade("correct")));
        await using var bed = await BedAsync(server);

        var result = await bed.RunAsync();

        Assert.Equal((Answers, Answers, 0, 0, 0), (result.Sampled, result.Graded, result.Malformed, result.Failed, result.AlreadyJudged));
        Assert.StartsWith("fake-gpt@judge:", result.GraderId, StringComparison.Ordinal);
        await using var db = bed.Workspace.NewContext();
        var grades = await db.Grades.AsNoTracking().ToListAsync(Ct);
        Assert.Equal(Answers, grades.Count);
        Assert.All(grades, g => Assert.Equal((GraderKind.LlmJudge, result.GraderId), (g.Grader, g.GraderId)));
        var wrong = Assert.Single(grades, g => g.Verdict == GradeVerdict.Incorrect);
        Assert.Equal("invented_facts,tone", wrong.ReasonCodes);
        // Never a human grade: the reviewers' queue and the accuracy rate see none of them.
        var progress = await bed.WithAsync(sp => sp.GetRequiredService<GradingService>().ProgressAsync(Week, Ct));
        Assert.Equal(0, progress.Graded);

        Assert.Equal(Answers, server.Requests.Count);
        foreach (var request in server.Requests)
        {
            var body = request.Body.ToJsonString();
            Assert.DoesNotContain("jane.doe", body, StringComparison.Ordinal);
            Assert.DoesNotContain("555 0132", body, StringComparison.Ordinal);
            Assert.Contains("[[reference]]", request.User, StringComparison.Ordinal);
            Assert.Contains("Refunds reach the wallet within 3 days", request.User, StringComparison.Ordinal);
            Assert.Equal("json_object", request.Body["response_format"]?["type"]?.GetValue<string>());
        }
    }

    [Fact]
    public async Task Run_SkipsAndCountsOutputThatIsNotAValidGrade()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        string[] bad = ["not json at all", Grade("mostly_right"), Grade("partial", "spelling"), Grade("partial"), Grade("correct", "tone"), "[\"correct\"]"];
        var calls = -1;
        server.Reply = _ => Task.FromResult(FakeReply.Content(bad[Interlocked.Increment(ref calls) % bad.Length]));
        await using var bed = await BedAsync(server);

        var result = await bed.RunAsync();

        Assert.Equal((0, Answers, 0), (result.Graded, result.Malformed, result.Failed));
        await using var db = bed.Workspace.NewContext();
        Assert.Equal(0, await db.Grades.CountAsync(Ct));
    }

    [Fact]
    public async Task Run_WhenTheServerFailsOrIsTooSlow_FinishesWithTheFailuresCounted_AndALaterRunGradesThem()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        // "Too slow" is decided on a fake clock: the answer that never comes times out when the test moves the clock
        // past the limit, not when a real second passes (a loaded machine took that long for answers that did come).
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        server.Reply = r => Task.FromResult(r.User.Contains("answer 2", StringComparison.Ordinal)
            ? new FakeReply(Grade("correct"), Delay: TimeSpan.FromMinutes(10))
            : new FakeReply("", Status: 500));
        await using var bed = await BedAsync(server, clock);

        var run = bed.RunAsync();
        await Poll.UntilAsync(() => Task.FromResult(server.Requests.Any(r => r.User.Contains("answer 2", StringComparison.Ordinal))),
            TimeSpan.FromSeconds(60), "the judge to ask about answer 2", Ct);
        clock.Advance(TimeSpan.FromSeconds(LlmTimeoutSeconds + 1));
        var failed = await run;
        Assert.Equal((0, 0, Answers), (failed.Graded, failed.Malformed, failed.Failed));

        server.Reply = _ => Task.FromResult(FakeReply.Content(Grade("partial", "incomplete")));
        var retried = await bed.RunAsync();
        Assert.Equal((Answers, 0, 0), (retried.Graded, retried.AlreadyJudged, retried.Failed));
    }

    [Fact]
    public async Task Run_Again_DoesNotGradeAnAnswerTwice()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Reply = _ => Task.FromResult(FakeReply.Content(Grade("correct")));
        await using var bed = await BedAsync(server);

        await bed.RunAsync();
        var again = await bed.RunAsync();

        Assert.Equal((0, Answers), (again.Graded, again.AlreadyJudged));
        Assert.Equal(Answers, server.Requests.Count);
        await using var db = bed.Workspace.NewContext();
        Assert.Equal(Answers, await db.Grades.CountAsync(Ct));
    }

    [Fact]
    public async Task WithoutAnLlm_TheJudgeIsUnavailable_AndQueueingItIsRefusedWithTheReason()
    {
        await using var bed = await BedAsync(server: null);
        await using var scope = bed.Services.CreateAsyncScope();
        var judge = scope.ServiceProvider.GetRequiredService<AnswerJudge>();
        Assert.False(judge.IsAvailable);
        var ex = await Assert.ThrowsAsync<AiUnavailableException>(() => judge.RunAsync(Week, null, Ct));
        Assert.Contains("Ai:Provider", ex.Message, StringComparison.Ordinal);

        var jobs = scope.ServiceProvider.GetRequiredService<JudgeJobService>();
        await Assert.ThrowsAsync<ForbiddenException>(() => jobs.QueueAsync(Week, Actor.User("v1", "Viewer", Roles.Viewer), Ct));
        var refused = await Assert.ThrowsAsync<ValidationException>(() => jobs.QueueAsync(Week, Actor.User("r1", "Reviewer", Roles.Reviewer), Ct));
        Assert.Contains("No LLM is configured", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueueAsync_RefusesAPeriodWithoutASample_AndQueuesTheJudgeJobOnce()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        await using var bed = await BedAsync(server);
        await using var scope = bed.Services.CreateAsyncScope();
        var jobs = scope.ServiceProvider.GetRequiredService<JudgeJobService>();
        var reviewer = Actor.User("r1", "Reviewer", Roles.Reviewer);

        await Assert.ThrowsAsync<ValidationException>(() => jobs.QueueAsync("2025-W30", reviewer, Ct));
        await Assert.ThrowsAsync<ValidationException>(() => jobs.QueueAsync("last week", reviewer, Ct));
        var (job, created) = await jobs.QueueAsync("2025-w25", reviewer, Ct);
        var (same, createdAgain) = await jobs.QueueAsync(Week, Actor.User("a1", "Admin", Roles.Admin), Ct);
        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal((JudgeJobKinds.Run, job.Id), (same.Kind, same.Id));
    }

    private sealed class Bed(TempWorkspace workspace, ServiceProvider services) : IAsyncDisposable
    {
        public TempWorkspace Workspace => workspace;
        public ServiceProvider Services => services;

        public Task<JudgeRunResult> RunAsync() => WithAsync(sp => sp.GetRequiredService<AnswerJudge>().RunAsync(Week, null, Ct));

        public async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> work)
        {
            await using var scope = services.CreateAsyncScope();
            return await work(scope.ServiceProvider);
        }

        public async ValueTask DisposeAsync()
        {
            await services.DisposeAsync();
            await workspace.DisposeAsync();
        }
    }

    /// <summary>Six finished conversations in the week, each one question and one SOP answer (one with personal data left in its text), all drawn into the sample.</summary>
    /// <param name="clock">the time the LLM client's time limit runs on (the system clock unless a test moves it).</param>
    private static async Task<Bed> BedAsync(FakeOpenAiServer? server, TimeProvider? clock = null)
    {
        var workspace = await TempWorkspace.CreateAsync();
        var monday = new DateTime(2025, 6, 16, 8, 0, 0, DateTimeKind.Utc);
        await using (var db = workspace.NewContext())
        {
            var document = new SopDocument { Slug = "refunds", Title = "Refunds" };
            db.Documents.Add(document);
            await db.SaveChangesAsync(Ct);
            var chunk = new SopChunk { DocumentId = document.Id, Heading = "Timing", Text = "Refunds reach the wallet within 3 days." };
            db.Chunks.Add(chunk);
            await db.SaveChangesAsync(Ct);
            for (var i = 0; i < Answers; i++)
            {
                var at = monday.AddHours(i * 5);
                var conversation = new Conversation
                {
                    UserRef = "u" + i, StartedAt = at, EndedAt = at.AddMinutes(2), Outcome = ConversationOutcome.Resolved, Channel = "app", Locale = "en",
                    IntentConfidence = 0.9,
                    Turns =
                    [
                        new Turn { Ordinal = 0, Role = TurnRole.User, Text = $"question {i}: where is my refund? mail jane.doe@example.com or call +1 415 555 0132", CreatedAt = at },
                        new Turn { Ordinal = 1, Role = TurnRole.Bot, Text = $"answer {i}: within 3 days [P1]", CreatedAt = at.AddSeconds(1), Source = AnswerSource.Sop },
                    ],
                };
                db.Conversations.Add(conversation);
                await db.SaveChangesAsync(Ct);
                var answer = conversation.Turns.Single(t => t.Role == TurnRole.Bot);
                db.TurnTraces.Add(new TurnTrace
                {
                    TurnId = answer.Id, ConversationId = conversation.Id, Decision = "sop", CreatedAt = at,
                    Json = JsonSerializer.Serialize(new PuoAiOps.Application.Bot.BotTrace { Passages = [new PuoAiOps.Application.Bot.TracePassage(chunk.Id, "refunds", "Timing", 0.9)] }, PuoAiOps.Application.Bot.ChatService.TraceJson),
                });
            }
            await db.SaveChangesAsync(Ct);
        }
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        if (clock is not null) services.AddSingleton(clock);
        services.AddDbContext<PuoDbContext>(o => DbContextConfigurator.Configure(o, workspace.Options));
        services.AddMetricsServices();
        services.AddScoped<JudgeJobService>();
        services.AddJobs();
        services.Configure<AiOptions>(o =>
        {
            if (server is null) return;
            o.Provider = AiProvider.OpenAI;
            o.Endpoint = server.V1;
            o.ApiKey = "sk-test-secret";
            o.Model = "fake-gpt";
            o.TimeoutSeconds = LlmTimeoutSeconds;
            o.MaxRetries = 0;
            o.MaxConcurrency = 2;
            o.CircuitBreakSeconds = 0;
        });
        var provider = services.BuildServiceProvider(validateScopes: true);
        var bed = new Bed(workspace, provider);
        var sample = await bed.WithAsync(sp => sp.GetRequiredService<GradingService>().DrawSampleAsync(Week, Answers * 10, Ct));
        Assert.Equal(Answers, sample.Answers);
        return bed;
    }
}
