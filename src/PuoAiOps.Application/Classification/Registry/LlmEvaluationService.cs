using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Ai;
using PuoAiOps.Application.Ai.Prompts;
using PuoAiOps.Application.Classification.Data;
using PuoAiOps.Application.Classification.Evaluation;
using PuoAiOps.Application.Classification.Models;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Jobs;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Annotation;
using PuoAiOps.Core.Classification;
using PuoAiOps.Core.Messages;
using PuoAiOps.Application.Classification.Jobs;

namespace PuoAiOps.Application.Classification.Registry;

/// <summary>
/// Measures the LLM classifier exactly like an offline version — same split, same test questions (up
/// to <see cref="AiOptions.MaxEvaluationQuestions"/>, a stratified sample beyond that), same metrics —
/// and stores it as a version of kind Llm with its token usage and estimated cost.
/// </summary>
public sealed class LlmEvaluationService(
    PuoDbContext db,
    ClassifierFactory factory,
    AiChatClientProvider ai,
    PromptLibrary prompts,
    IOptions<ClassifierOptions> options,
    TimeProvider clock,
    ILogger<LlmEvaluationService> logger)
{
    public async Task<ModelVersionSummary> EvaluateAsync(string? name, Actor actor, IJobProgress? progress = null, CancellationToken ct = default)
    {
        ClassifierPermissions.RequireTrainer(actor);
        if (!ai.IsConfigured) throw new ValidationException("ai", CodedMessage.Of(ClassificationRefusal.LlmNotConfigured));
        var settings = ai.Options;
        await Report(progress, 0.02, CodedMessage.Of(ClassificationJobMessage.ReadingLabels), ct);
        var loader = new TrainingDataLoader(db);
        var data = await loader.LoadAsync(ct);
        TrainingGuard.EnsureEnough(data, options.Value.MinLabeledQuestions);
        var split = options.Value.DefaultSplit;
        var parts = DataSplit.Create(data.Questions, split);
        TrainingGuard.EnsureTestable(parts);
        var test = Sample(parts.Test, settings.MaxEvaluationQuestions, split.Seed);

        var intents = await loader.IntentsAsync(activeOnly: true, ct);
        var classifier = await factory.CreateLlmAsync(0, intents, ct);
        await Report(progress, 0.05, CodedMessage.Of(ClassificationJobMessage.AskingModel, ModelName(settings.Model), test.Count), ct);
        var started = Stopwatch.GetTimestamp();
        IReadOnlyList<ClassifierOutput> outputs;
        try
        {
            var done = new ProgressRelay(progress, test.Count, ModelName(settings.Model));
            outputs = await classifier.ClassifyAsync(test.Select(q => q.Text).ToList(), done, ct);
        }
        catch (AiUnavailableException ex)
        {
            throw new JobFailedException(ex.Code, ex);
        }

        var usage = classifier.Usage.ToUsage(settings.InputPricePerMillionTokens, settings.OutputPricePerMillionTokens);
        var report = EvaluationCalculator.Evaluate(test.Select(q => q.Label).ToList(), outputs, TrainingDataLoader.OutOfScopeLabel, 0) with
        {
            TrainCount = 0,
            ValidationCount = 0,
            EvaluateSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds,
            Usage = usage,
        };
        if (report.Failures == report.TestCount)
            throw new JobFailedException(CodedMessage.Of(ClassificationJobMessage.EveryAnswerFailed,
                string.Join("; ", classifier.Usage.InvalidAnswers.Keys.Append(classifier.Usage.LastTransportError ?? "").Where(s => s.Length > 0))));

        await Report(progress, 0.95, CodedMessage.Of(ClassificationJobMessage.StoringEvaluation), ct);
        var prompt = prompts.Get(PromptLibrary.Classify);
        var versionName = string.IsNullOrWhiteSpace(name) ? await VersionNames.NextAsync(db, ModelKind.Llm, ct) : name.Trim();
        var modelSettings = new ModelSettings
        {
            TrainedBy = actor.DisplayName,
            Split = split,
            Llm = new LlmSettings(settings.Provider.ToString(), ai.EndpointDescription, settings.Model ?? "", prompt.Name, prompt.Hash,
                settings.MaxEvaluationQuestions, settings.Currency),
        };
        var version = await VersionWriter.StoreAsync(db, new ModelVersion
        {
            Kind = ModelKind.Llm,
            Name = versionName,
            DataHash = IntentTrainer.DataHash(ModelTrainingService.ToTexts(data.Questions)),
            Labels = classifier.Labels.ToList(),
            Settings = modelSettings.ToJson(),
            Metrics = EvaluationJson.Write(report),
            TrainedById = actor.UserId,
            TrainedAt = clock.GetUtcNow().UtcDateTime,
            Blob = null,
        }, actor, ModelAudit.LlmEvaluated,
            CodedMessage.Of(AuditDetail.LlmEvaluated, versionName, settings.Model ?? "", report.TestCount, report.Accuracy, report.Failures, usage.InputTokens + usage.OutputTokens), ct);
        ClassificationLog.VersionStored(logger, version.Id, "llm", report.Accuracy, report.MacroF1, report.TestCount);
        return (await new ModelVersionReader(db).SummaryAsync(version.Id, ct))!;
    }

    /// <summary>At most <paramref name="max"/> test questions, stratified by label, chosen by id (stable between runs).</summary>
    internal static IReadOnlyList<LabeledQuestion> Sample(IReadOnlyList<LabeledQuestion> test, int max, int seed)
    {
        if (test.Count <= max) return test;
        var keep = StratifiedSplit.Assign(test.Select(q => new SplitRow(q.Id, q.Label)).ToList(), (double)max / test.Count, seed + 3);
        return test.Where((_, i) => keep[i]).ToList();
    }

    /// <summary>The configured model's name, or "the model" worded in the reader's language.</summary>
    private static object ModelName(string? model) => string.IsNullOrEmpty(model) ? CodedMessage.Of(ClassificationJobMessage.TheModel) : model;

    private static Task Report(IJobProgress? progress, double fraction, CodedMessage message, CancellationToken ct) =>
        progress?.ReportAsync(fraction, message, ct) ?? Task.CompletedTask;

    /// <summary>Turns "n questions done" (answered or failed) into job progress between 5 % and 95 %.</summary>
    private sealed class ProgressRelay(IJobProgress? progress, int total, object model) : IProgress<int>
    {
        public void Report(int value) =>
            _ = progress?.ReportAsync(0.05 + 0.9 * value / Math.Max(1, total), CodedMessage.Of(ClassificationJobMessage.ModelProgress, model, value, total));
    }
}
