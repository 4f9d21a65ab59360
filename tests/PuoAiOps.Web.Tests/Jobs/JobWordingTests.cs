using PuoAiOps.Application.Ai;
using PuoAiOps.Application.Classification;
using PuoAiOps.Application.Classification.Jobs;
using PuoAiOps.Application.Classification.Registry;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Knowledge;
using PuoAiOps.Application.Knowledge.Ingestion;
using PuoAiOps.Application.Metrics;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Tests.Infrastructure;
using PuoAiOps.Core.Messages;
using static PuoAiOps.Web.Tests.Jobs.JobRuns;

namespace PuoAiOps.Web.Tests.Jobs;

/// <summary>
/// Every job kind, run by the console's runner to success and to failure: the stored row keeps the code of
/// what happened (the area's refusal, not its English sentence) and a Chinese reader gets it in Chinese,
/// worded as the progress bar and the snackbars word it; the English stays beside it for the CLI.
/// </summary>
public sealed class JobWordingTests(JobFixture fixture) : IClassFixture<JobFixture>
{
    private JobActor Curator => JobActor.From(Actor.User(fixture.Users[Roles.Curator].Id, "Cora", Roles.Curator));
    private JobActor Viewer => JobActor.From(Actor.User(fixture.Users[Roles.Viewer].Id, "Vic", Roles.Viewer));

    [Fact]
    public async Task TrainJob_Succeeded_ReadsInChinese()
    {
        var job = await RunAsync(fixture, ClassifierJobKinds.Train, new TrainJobPayload { Actor = Curator, Request = new TrainRequest { Name = "zh-train" } });
        AssertEnded(job, JobStatus.Succeeded, ClassificationJobMessage.Trained);
        Assert.StartsWith("已训练 zh-train：在 ", InChinese(fixture, job), StringComparison.Ordinal);
        Assert.StartsWith("Trained zh-train: accuracy", job.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrainJob_RefusedForAViewer_StoresTheRefusalCode_AndReadsInChinese()
    {
        var job = await RunAsync(fixture, ClassifierJobKinds.Train, new TrainJobPayload { Actor = Viewer });
        AssertEnded(job, JobStatus.Failed, ClassificationRefusal.OnlyTrainers);
        Assert.Equal("只有内容运营、审核员和管理员可以训练或评估分类器。", InChinese(fixture, job));
    }

    [Fact]
    public async Task LlmEvaluationJob_Succeeded_ReadsInChinese()
    {
        fixture.Llm.Reply = _ => Task.FromResult(FakeReply.Answer("recharge_not_credited", 0.8));
        var job = await RunAsync(fixture, ClassifierJobKinds.EvaluateLlm, new LlmJobPayload { Actor = Curator, Name = "zh-llm" });
        AssertEnded(job, JobStatus.Succeeded, ClassificationJobMessage.Evaluated);
        Assert.StartsWith("已评估 zh-llm：在 ", InChinese(fixture, job), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LlmEvaluationJob_EveryAnswerUnusable_FailsWithItsCode_AndReadsInChinese()
    {
        fixture.Llm.Reply = _ => Task.FromResult(FakeReply.Content("this is not JSON"));
        var job = await RunAsync(fixture, ClassifierJobKinds.EvaluateLlm, new LlmJobPayload { Actor = Curator, Name = "zh-llm-bad" });
        AssertEnded(job, JobStatus.Failed, ClassificationJobMessage.EveryAnswerFailed);
        Assert.StartsWith("所有回答均失败（", InChinese(fixture, job), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LlmEvaluationJob_EndpointRefusesTheKey_StoresTheAiCode_AndReadsInChinese()
    {
        fixture.Llm.Reply = _ => Task.FromResult(new FakeReply("", Status: 401));
        var job = await RunAsync(fixture, ClassifierJobKinds.EvaluateLlm, new LlmJobPayload { Actor = Curator, Name = "zh-llm-401" });
        Assert.Equal(JobStatus.Failed, job.Status);
        // Per-question failures end as "every answer failed"; a refused key stops the run with the LLM's own code.
        var code = MessageCodesOf(job);
        Assert.True(code is AiRefusal or ClassificationJobMessage, $"stored {job.MessageCode}");
        Assert.DoesNotContain("sk-test-secret", job.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("The LLM", InChinese(fixture, job), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CrossValidationJob_Succeeded_ReadsInChinese()
    {
        var job = await RunAsync(fixture, ClassifierJobKinds.CrossValidate, new VersionJobPayload { Actor = Curator, VersionId = fixture.Candidate.Id });
        AssertEnded(job, JobStatus.Succeeded, ClassificationJobMessage.CrossValidated);
        Assert.Contains($"#{fixture.Candidate.Id} 的 ", InChinese(fixture, job), StringComparison.Ordinal);
        Assert.Contains("折交叉验证：准确率 ", InChinese(fixture, job), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CrossValidationJob_OfAMissingVersion_ReadsInChinese()
    {
        var job = await RunAsync(fixture, ClassifierJobKinds.CrossValidate, new VersionJobPayload { Actor = Curator, VersionId = 987_654 });
        AssertEnded(job, JobStatus.Failed, ClassificationRefusal.VersionMissing);
        Assert.Equal("模型版本 987654 不存在。", InChinese(fixture, job));
        Assert.Equal("Model version 987654 does not exist.", job.Message);
    }

    [Fact]
    public async Task BatchClassificationJob_Succeeded_ReadsInChinese()
    {
        var job = await RunAsync(fixture, ClassifierJobKinds.BatchClassify, new BatchJobPayload { Actor = Curator });
        AssertEnded(job, JobStatus.Succeeded, ClassificationJobMessage.BatchClassified);
        Assert.Matches(@"^已用 #\d+ 分类 \d+ 个未标注问题：其中 \d+ 个置信度低于 50%，", InChinese(fixture, job));
    }

    [Fact]
    public async Task BatchClassificationJob_RefusedForAViewer_ReadsInChinese()
    {
        var job = await RunAsync(fixture, ClassifierJobKinds.BatchClassify, new BatchJobPayload { Actor = Viewer });
        AssertEnded(job, JobStatus.Failed, ClassificationRefusal.OnlyTrainers);
        Assert.Equal("只有内容运营、审核员和管理员可以训练或评估分类器。", InChinese(fixture, job));
    }

    [Fact]
    public async Task KnowledgeSyncJob_Succeeded_ThenFolderGone_BothReadInChinese()
    {
        var payload = new KnowledgeSyncPayload { UserId = fixture.Users[Roles.Curator].Id };
        var synced = await RunAsync(fixture, KnowledgeJobKinds.Sync, payload);
        AssertEnded(synced, JobStatus.Succeeded, KnowledgeJobMessage.Synced);
        Assert.Equal("1 个文件：新增或更新 1 个，未变 0 个，拒绝 0 个。", InChinese(fixture, synced));

        var moved = fixture.SyncFolder + "-moved";
        Directory.Move(fixture.SyncFolder, moved);
        try
        {
            var failed = await RunAsync(fixture, KnowledgeJobKinds.Sync, payload);
            AssertEnded(failed, JobStatus.Failed, KnowledgeRefusal.SyncFolderMissing);
            Assert.Equal($"服务器上不存在同步文件夹 {fixture.SyncFolder}", InChinese(fixture, failed));
        }
        finally
        {
            Directory.Move(moved, fixture.SyncFolder);
        }
    }

    [Fact]
    public async Task ReportJob_Succeeded_ReadsInChinese()
    {
        var job = await RunAsync(fixture, ReportJobKinds.Generate, new ReportJobPayload { Kind = ReportKind.Weekly, Period = "2026-W01", RequestedBy = "test" });
        AssertEnded(job, JobStatus.Succeeded, MetricsJobMessage.ReportGenerated);
        Assert.Equal("已生成每周报告 2026-W01。", InChinese(fixture, job));
        Assert.Equal("Generated the weekly report 2026-W01.", job.Message);
    }

    [Fact]
    public async Task ReportJob_OfAPeriodThatIsNoWeek_StoresTheMetricsRefusal_AndReadsInChinese()
    {
        var job = await RunAsync(fixture, ReportJobKinds.Generate, new ReportJobPayload { Kind = ReportKind.Weekly, Period = "last week", RequestedBy = "test" });
        AssertEnded(job, JobStatus.Failed, MetricsRefusal.NotAWeek);
        Assert.Equal("“last week”不是 ISO 周（格式如 2026-W49）。", InChinese(fixture, job));
    }

    [Fact]
    public async Task JudgeJob_Succeeded_ReadsInChinese()
    {
        var job = await RunAsync(fixture, JudgeJobKinds.Run, new JudgeJobPayload { Period = "2026-W01" });
        AssertEnded(job, JobStatus.Succeeded, MetricsJobMessage.Judged);
        Assert.Equal("2026-W01 评审完成：评分 0 个，跳过无法使用的回答 0 个、失败的调用 0 次，此前已评审 0 个。", InChinese(fixture, job));
    }

    private static void AssertEnded(BackgroundJob job, JobStatus status, Enum code)
    {
        Assert.True(job.Status == status, $"job {job.Kind} ended {job.Status}: {job.Message}");
        Assert.Equal(code, MessageCodesOf(job));
        Assert.False(string.IsNullOrEmpty(job.Message));
    }

    private static Enum? MessageCodesOf(BackgroundJob job) => MessageCodes.Read(job.MessageCode, job.MessageArgs)?.Code;
}
