using Microsoft.EntityFrameworkCore;
using Microsoft.SemanticKernel;
using PuoAiOps.Application.Ai;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;
using PuoAiOps.Core.Scripts;

namespace PuoAiOps.Application.Scripts;

/// <summary>
/// A standardized draft with its lint, ready to be saved as a draft for review. <see cref="ModelUsed"/>:
/// the language model rewrote it; <see cref="ModelProblem"/>: it was asked but failed, so the result
/// is the offline rules' alone.
/// </summary>
public sealed record StandardizedDraft(
    string Locale, string Channel, StandardizedScript Script, IReadOnlyList<LintFinding> Findings,
    bool ModelUsed = false, string? ModelProblem = null);

/// <summary>
/// Makes a script draft out of a free-form answer (pasted, or imported agent replies picked on the page).
/// Today by rules (<see cref="ScriptStandardizer"/>); an LLM rewrite can be plugged in through
/// <see cref="IScriptRewriter"/>, and its output goes through the same rules and lint, so the result
/// is always a linted draft that a reviewer approves.
/// </summary>
public sealed class ScriptStandardizeService(PuoDbContext db, StyleRuleSettings rules, IScriptRewriter? rewriter = null)
{
    public const int MaxInputLength = 20_000;
    public const int MaxPickedReplies = 20;

    /// <summary>True when a model rewrite is available (an LLM is configured).</summary>
    public bool CanUseModel => rewriter is not null;

    public async Task<StandardizedDraft> StandardizeAsync(string answer, string locale, string channel, CancellationToken ct = default) =>
        await StandardizeAsync(answer, locale, channel, useModel: true, ct);

    /// <summary>
    /// The offline rules first, always: personal data, links and order numbers become placeholders.
    /// Only that text goes to the model (when configured and asked for); its rewrite goes through the
    /// rules again, keeps the first pass's variable defaults, and is linted. A model failure leaves
    /// the offline result, with the problem said.
    /// </summary>
    public async Task<StandardizedDraft> StandardizeAsync(string answer, string locale, string channel, bool useModel, CancellationToken ct = default)
    {
        var problems = new List<CodedMessage>();
        if (string.IsNullOrWhiteSpace(answer)) problems.Add(CodedMessage.Of(ScriptRefusal.AnswerEmpty));
        else if (answer.Length > MaxInputLength) problems.Add(CodedMessage.Of(ScriptRefusal.AnswerTooLong, answer.Length, MaxInputLength));
        ScriptInputRules.CheckLocaleAndChannel(locale, channel, problems);
        ScriptInputRules.ThrowIfAny(problems, "answer");

        var styleRules = await rules.ForAsync(locale, channel, ct);
        var redactor = await rules.RedactorAsync(ct);
        var offline = ScriptStandardizer.Standardize(answer, styleRules, redactor);
        if (rewriter is null || !useModel) return Draft(offline);
        try
        {
            var rewritten = await rewriter.RewriteAsync(offline.Body, locale, channel, styleRules, ct);
            var second = ScriptStandardizer.Standardize(rewritten, styleRules, redactor);
            var used = ScriptPlaceholders.Names(second.Body).ToHashSet(StringComparer.Ordinal);
            var variables = offline.Variables.Where(v => used.Contains(v.Name))
                .Concat(second.Variables.Where(v => used.Contains(v.Name) && offline.Variables.All(o => o.Name != v.Name))).ToList();
            var script = new StandardizedScript(second.Body, variables, [.. offline.Changes, "rewritten by the language model", .. second.Changes]);
            return Draft(script) with { ModelUsed = true };
        }
        catch (Exception ex) when (ex is AiUnavailableException or HttpRequestException or KernelException or TimeoutException
                                   || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return Draft(offline) with { ModelProblem = ex.Message };
        }

        StandardizedDraft Draft(StandardizedScript script) =>
            new(locale, channel, script, ScriptLinter.Lint(script.Body, script.Variables, styleRules, redactor));
    }

    /// <summary>Imported agent replies (redacted when imported), joined oldest first, standardized as one answer.</summary>
    public async Task<StandardizedDraft> FromAgentRepliesAsync(IReadOnlyList<long> replyIds, string locale, string channel, bool useModel, CancellationToken ct = default)
    {
        var ids = replyIds.Distinct().ToList();
        if (ids.Count is 0 or > MaxPickedReplies) throw new ValidationException("replies", CodedMessage.Of(ScriptRefusal.PickReplies, MaxPickedReplies));
        var texts = await db.AgentReplies.AsNoTracking().Where(r => ids.Contains(r.Id)).OrderBy(r => r.Id).Select(r => r.Text).ToListAsync(ct);
        if (texts.Count != ids.Count) throw new NotFoundException(CodedMessage.Of(ScriptRefusal.RepliesGone));
        return await StandardizeAsync(string.Join("\n\n", texts), locale, channel, useModel, ct);
    }
}

/// <summary>The seam for a model-based rewrite (the bot's Semantic Kernel setup provides one when an LLM is configured).</summary>
public interface IScriptRewriter
{
    Task<string> RewriteAsync(string answer, string locale, string channel, StyleRules rules, CancellationToken ct);
}
