using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Ai;
using PuoAiOps.Application.Classification;
using PuoAiOps.Application.Classification.Jobs;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Jobs;
using PuoAiOps.Application.Metrics;
using PuoAiOps.Application.Persistence.Entities;
using static PuoAiOps.Web.Tests.Jobs.JobRuns;

namespace PuoAiOps.Web.Tests.Jobs;

/// <summary>
/// Jobs on a console without an LLM, a job that crashes, and a row stored before jobs had codes: the LLM
/// refusals and the crash read in Chinese (the crash with a reference to the log, never the exception's
/// text), and an old row falls back to its stored English.
/// </summary>
public sealed class JobWordingWithoutLlmTests(JobWordingWithoutLlmTests.Fixture fixture) : IClassFixture<JobWordingWithoutLlmTests.Fixture>
{
    public const string CrashKind = "test.crash";

    public sealed class Fixture : TeamFixture
    {
        public override ValueTask InitializeAsync()
        {
            Factory.ConfigureServices.Add(s => s.AddJobHandler<CrashingHandler>(CrashKind));
            Factory.ConfigureServices.Add(s => s.AddJobHandler<UncodedRefusalHandler>(UncodedKind));
            return base.InitializeAsync();
        }
    }

    /// <summary>A handler with a bug: its exception text must stay in the log.</summary>
    public sealed class CrashingHandler : IJobHandler
    {
        public string Kind => CrashKind;

        public Task<JobOutcome> RunAsync(BackgroundJob job, IJobProgress progress, CancellationToken ct) =>
            throw new InvalidOperationException("secret internals: connection string Host=db;Password=hunter2");
    }

    public const string UncodedKind = "test.uncoded-refusal";

    /// <summary>A service that still refuses with a bare English sentence (what a new refusal should never do).</summary>
    public sealed class UncodedRefusalHandler : IJobHandler
    {
        public string Kind => UncodedKind;

        public Task<JobOutcome> RunAsync(BackgroundJob job, IJobProgress progress, CancellationToken ct) =>
            throw new ValidationException("field", "An English sentence without a code.");
    }

    [Fact]
    public async Task RefusalWithoutACode_StoresACodedLine_PointingToTheLog_NeverItsEnglish()
    {
        var job = await RunAsync(fixture, UncodedKind, new { });
        Assert.Equal(JobStatus.Failed, job.Status);
        var stored = MessageCodes.Read(job.MessageCode, job.MessageArgs);
        Assert.Equal(JobMessage.RefusedWithoutCode, stored?.Code);
        var reference = Assert.IsType<string>(Assert.Single(stored!.Args));
        Assert.Equal($"任务被拒绝；原因见服务器日志（编号 {reference}）。", InChinese(fixture, job));
        Assert.DoesNotContain("English sentence", job.Message + job.MessageArgs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RowStoredAsWritten_HasNoCode_SoPagesMarkItsEnglish()
    {
        var id = await fixture.WithDbAsync(async db =>
        {
            var (code, args) = PuoAiOps.Core.Messages.CodedMessageJson.Write(PuoAiOps.Core.Messages.CodedMessage.Of(JobMessage.AsWritten, "Something went wrong."));
            var old = new BackgroundJob { Kind = "classifier.train", Status = JobStatus.Failed, Message = "Something went wrong.", MessageCode = code, MessageArgs = args };
            db.Jobs.Add(old);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            return old.Id;
        });
        var row = await fixture.WithServiceAsync<JobQueue, BackgroundJob?>(q => q.GetAsync(id, TestContext.Current.CancellationToken));
        Assert.Null(JobSnapshot.Of(row!).Code);
        Assert.Equal("Something went wrong.", InChinese(fixture, row!));
    }

    [Fact]
    public async Task JudgeJob_WithoutAnLlm_StoresTheAiCode_AndReadsInChinese()
    {
        var job = await RunAsync(fixture, JudgeJobKinds.Run, new JudgeJobPayload { Period = "2026-W01" });
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal(AiRefusal.JudgeNeedsLlm, MessageCodes.Read(job.MessageCode, job.MessageArgs)?.Code);
        Assert.Equal("LLM 评审需要 LLM：请设置 Ai:Provider（当前为 None）。", InChinese(fixture, job));
        Assert.Equal("The LLM judge needs an LLM: set Ai:Provider (it is None).", job.Message);
    }

    [Fact]
    public async Task LlmEvaluationJob_WithoutAnLlm_ReadsInChinese()
    {
        var curator = JobActor.From(Actor.User(fixture.Users[Roles.Curator].Id, "Cora", Roles.Curator));
        var job = await RunAsync(fixture, ClassifierJobKinds.EvaluateLlm, new LlmJobPayload { Actor = curator });
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal(ClassificationRefusal.LlmNotConfigured, MessageCodes.Read(job.MessageCode, job.MessageArgs)?.Code);
        Assert.Equal("未配置 LLM 端点（Ai:Provider 为 None），因此无可评估。", InChinese(fixture, job));
    }

    [Fact]
    public async Task CrashedJob_StoresACodedReferenceToTheLog_NeverTheExceptionText()
    {
        var job = await RunAsync(fixture, CrashKind, new { });
        Assert.Equal(JobStatus.Failed, job.Status);
        var stored = MessageCodes.Read(job.MessageCode, job.MessageArgs);
        Assert.Equal(JobMessage.Crashed, stored?.Code);
        var reference = Assert.IsType<string>(Assert.Single(stored!.Args));
        Assert.Matches("^[0-9a-f]{8}$", reference);
        var chinese = InChinese(fixture, job);
        Assert.Equal($"任务因意外错误停止；详情见服务器日志（编号 {reference}）。", chinese);
        Assert.DoesNotContain("hunter2", job.Message + job.MessageArgs + chinese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RowStoredBeforeCodes_ShowsItsEnglishAsWritten()
    {
        var id = await fixture.WithDbAsync(async db =>
        {
            var old = new BackgroundJob { Kind = "classifier.train", Status = JobStatus.Failed, Message = "Training needs more labels." };
            db.Jobs.Add(old);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            return old.Id;
        });
        var row = await fixture.WithServiceAsync<JobQueue, BackgroundJob?>(q => q.GetAsync(id, TestContext.Current.CancellationToken));
        Assert.Null(JobSnapshot.Of(row!).Code);
        Assert.Equal("Training needs more labels.", InChinese(fixture, row!));
    }
}
