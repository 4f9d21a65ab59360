using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using PuoAiOps.Application.Ai;
using PuoAiOps.Application.Ai.Kernel;
using PuoAiOps.Application.Ai.Prompts;
using PuoAiOps.Application.Jobs;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Questions;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Metrics;

/// <summary>What one judge run did with a period's sample.</summary>
/// <param name="AlreadyJudged">Answers that had a judge grade before this run (left alone).</param>
/// <param name="Malformed">Outputs that were not a valid grade (unknown verdict or reason, broken JSON): skipped.</param>
/// <param name="Failed">Calls that failed (timeout, 429/5xx after retries, refused): skipped, a later run tries them again.</param>
public sealed record JudgeRunResult(string Period, int Sampled, int AlreadyJudged, int Graded, int Malformed, int Failed, string GraderId);

/// <summary>The judge prompt function, loaded once per process.</summary>
public sealed class JudgePrompt(PromptLibrary library)
{
    public const string Name = "judge";

    private readonly Lazy<KernelPrompt> _prompt = new(() => KernelPromptLoader.Load(library, Name));

    public KernelPrompt Prompt => _prompt.Value;
}

/// <summary>
/// The LLM judge: pre-grades a period's graded sample (the answers drawn for reviewers) with the
/// <c>judge</c> prompt function, through a kernel whose prompt-render filter redacts personal data.
/// Its grades are stored as <see cref="GraderKind.LlmJudge"/> with the model and prompt version as
/// grader, a series of their own: the response accuracy rate counts human grades only. An answer that
/// has a judge grade already is skipped, so a run can be repeated (or resumed after a crash) safely.
/// </summary>
public sealed class AnswerJudge(PuoDbContext db, AiChatClientProvider ai, JudgePrompt judge, TimeProvider clock, ILogger<AnswerJudge> logger)
{
    /// <summary>Answers sent at once before their grades are stored and progress is reported.</summary>
    private const int BatchSize = 16;

    public bool IsAvailable => ai.IsConfigured;

    /// <summary>"model@judge:version", the grader id of this judge's grades.</summary>
    public string GraderId => $"{ai.Options.Model ?? ai.Options.Provider.ToString()}@{JudgePrompt.Name}:{judge.Prompt.Version}";

    public async Task<JudgeRunResult> RunAsync(string period, IJobProgress? progress = null, CancellationToken ct = default)
    {
        if (!IsAvailable) throw new AiUnavailableException(AiRefusal.JudgeNeedsLlm, AiOptions.SectionName);
        var prompt = judge.Prompt;
        var graderId = GraderId;
        var sampled = await db.GradingAssignments.AsNoTracking().Where(a => a.Period == period && a.Slot == 1)
            .Select(a => new { a.TurnId, a.ConversationId }).ToListAsync(ct);
        var turnIds = sampled.Select(s => s.TurnId).ToList();
        var judged = (await db.Grades.AsNoTracking().Where(g => g.Grader == GraderKind.LlmJudge && turnIds.Contains(g.TurnId))
            .Select(g => g.TurnId).ToListAsync(ct)).ToHashSet();
        var todo = sampled.Where(s => !judged.Contains(s.TurnId)).ToList();

        var redactor = await new PiiPatternStore(db).CreateRedactorAsync(ct);
        var kernel = new Microsoft.SemanticKernel.Kernel(JudgeKernel.Services(ai));
        kernel.PromptRenderFilters.Add(new RedactingPromptFilter(redactor));
        var inputs = new JudgeInputs(db);
        int graded = 0, malformed = 0, failed = 0, done = 0;
        foreach (var batch in todo.Chunk(BatchSize))
        {
            var items = await inputs.LoadAsync(batch.Select(b => b.TurnId).ToList(), ct);
            var outputs = new (JudgeInput Item, JudgeVerdict? Verdict, bool Failed)[items.Count];
            // The chat client's own limiter (Ai:MaxConcurrency) holds across the process; this bounds what one run queues.
            await Parallel.ForEachAsync(Enumerable.Range(0, items.Count), new ParallelOptions { MaxDegreeOfParallelism = ai.Options.MaxConcurrency, CancellationToken = ct },
                async (i, token) => outputs[i] = await GradeAsync(kernel, prompt, items[i], token));
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var (item, verdict, callFailed) in outputs)
            {
                if (callFailed) failed++;
                else if (verdict is null) malformed++;
                else
                {
                    db.Grades.Add(new AnswerGrade
                    {
                        TurnId = item.TurnId, ConversationId = item.ConversationId, Grader = GraderKind.LlmJudge, GraderId = graderId,
                        Verdict = verdict.Verdict, ReasonCodes = verdict.Reasons.Count == 0 ? null : string.Join(",", verdict.Reasons),
                        Note = verdict.Note is null ? null : redactor.RedactText(verdict.Note), CreatedAt = now,
                    });
                    graded++;
                }
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            done += batch.Length;
            if (progress is not null) await progress.ReportAsync((double)done / todo.Count, CodedMessage.Of(MetricsJobMessage.JudgeProgress, done, todo.Count), ct);
        }
        var result = new JudgeRunResult(period, sampled.Count, judged.Count, graded, malformed, failed, graderId);
        MetricsLog.JudgeRun(logger, period, graded, malformed, failed, judged.Count);
        return result;
    }

    private static async Task<(JudgeInput, JudgeVerdict?, bool)> GradeAsync(Microsoft.SemanticKernel.Kernel kernel, KernelPrompt prompt, JudgeInput item, CancellationToken ct)
    {
        try
        {
            var arguments = new KernelArguments
            {
                ["question"] = item.Question,
                ["answer"] = item.Answer,
                ["reference"] = item.Reference,
                [KernelCallLog.PromptVersionArgument] = prompt.Version,
            };
            var result = await prompt.Function.InvokeAsync(kernel, arguments, ct);
            return (item, JudgeVerdictParser.Parse(JudgeKernel.Text(result)), false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Timeouts, HTTP failures after the retries, an open circuit: counted, never fatal to the run.
            return (item, null, true);
        }
    }
}
