using Microsoft.EntityFrameworkCore;
using Microsoft.SemanticKernel;
using PuoAiOps.Application.Ai;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
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
/// Makes a script draft out of a free-form answer (pasted, or agent turns picked from conversations).
/// Today by rules (<see cref="ScriptStandardizer"/>); an LLM rewrite can be plugged in through
/// <see cref="IScriptRewriter"/>, and its output goes through the same rules and lint, so the result
/// is always a linted draft that a reviewer approves.
/// </summary>
public sealed class ScriptStandardizeService(PuoDbContext db, StyleRuleSettings rules, IScriptRewriter? rewriter = null)
{
    public const int MaxInputLength = 20_000;

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
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(answer)) problems.Add("Paste an answer to standardize.");
        else if (answer.Length > MaxInputLength) problems.Add($"The answer is {answer.Length} characters; at most {MaxInputLength} can be standardized.");
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

    /// <summary>Agent replies from stored conversations (already redacted when stored), joined in order.</summary>
    public async Task<StandardizedDraft> FromAgentTurnsAsync(IReadOnlyList<long> turnIds, string locale, string channel, CancellationToken ct = default)
    {
        if (turnIds.Count is 0 or > 20) throw new ValidationException("turns", "Pick between 1 and 20 agent replies.");
        var turns = await db.Turns.AsNoTracking().Where(t => turnIds.Contains(t.Id)).OrderBy(t => t.ConversationId).ThenBy(t => t.Ordinal).ToListAsync(ct);
        if (turns.Count != turnIds.Distinct().Count()) throw new NotFoundException("Some of the picked replies do not exist.");
        if (turns.Any(t => t.Role != TurnRole.Agent)) throw new ValidationException("turns", "Only replies written by agents can be standardized.");
        return await StandardizeAsync(string.Join("\n", turns.Select(t => t.Text)), locale, channel, ct);
    }
}

/// <summary>The seam for a model-based rewrite (the bot's Semantic Kernel setup provides one when an LLM is configured).</summary>
public interface IScriptRewriter
{
    Task<string> RewriteAsync(string answer, string locale, string channel, StyleRules rules, CancellationToken ct);
}
