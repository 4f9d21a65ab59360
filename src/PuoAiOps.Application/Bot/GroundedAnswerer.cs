using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using PuoAiOps.Application.Ai.Kernel;
using PuoAiOps.Application.Knowledge.Search;
using PuoAiOps.Core.Messages;
using PuoAiOps.Core.Text.Redaction;

namespace PuoAiOps.Application.Bot;

/// <summary>
/// Step 6 of the pipeline: the <c>answer</c> prompt function over the retrieved passages, within a
/// time budget, and its output through <see cref="AnswerValidator"/>. Any failure (no model, timeout,
/// 429/5xx after retries, malformed or invalid output) is a rejection with a reason, never an exception.
/// With a draft sink (the playground), the prompt is streamed and the answer shown as it is written
/// (<see cref="AnswerDraftStream"/>); validation still judges the whole output before anything is served.
/// </summary>
public sealed class GroundedAnswerer(BotPrompts prompts, Microsoft.Extensions.Options.IOptions<BotOptions> settings)
{
    public sealed record Outcome(ValidatedAnswer? Answer, TraceLlm Trace, CodedMessage? Rejection);

    public async Task<Outcome> AnswerAsync(Microsoft.SemanticKernel.Kernel kernel, KernelCallLog log, PiiRedactor redactor, string question, string locale,
        IReadOnlyList<KnowledgeHit> passages, string history, CancellationToken ct, Action<string>? drafts = null)
    {
        var options = settings.Value;
        var prompt = prompts.Answer;
        var started = Stopwatch.GetTimestamp();
        string? output = null;
        AnswerDraftStream.Result? streamed = null;
        CodedMessage? failure = null;
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(TimeSpan.FromSeconds(options.LlmBudgetSeconds));
        try
        {
            var arguments = new KernelArguments
            {
                ["canary"] = prompts.Canary,
                ["locale"] = locale,
                ["history"] = history.Length == 0 ? "(none)" : Neutralize(history),
                ["passages"] = Passages(passages),
                ["question"] = Neutralize(question),
                [KernelCallLog.PromptVersionArgument] = prompt.Version,
            };
            if (drafts is null) output = Text(await prompt.Function.InvokeAsync(kernel, arguments, budget.Token));
            else
            {
                streamed = await AnswerDraftStream.RunAsync(prompt.Function, kernel, arguments, redactor, drafts, budget.Token);
                output = streamed.Output;
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            failure = CodedMessage.Of(AnswerRejection.NoAnswerInTime, options.LlmBudgetSeconds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            failure = CodedMessage.Of(AnswerRejection.ModelUnavailable, ex.GetType().Name);
        }
        var call = log.Calls.LastOrDefault(c => c.Function == prompt.Function.Name);
        // A streamed call's result carries no usage: the stream's last updates do.
        var (model, input, generated) = (call?.Model ?? streamed?.Model, call?.InputTokens ?? streamed?.InputTokens, call?.OutputTokens ?? streamed?.OutputTokens);
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (failure is not null)
            return new(null, new TraceLlm(prompt.Name, prompt.Version, model, input, generated, ms, false, failure.English) { RejectionCode = TraceCode.Of(failure) }, failure);
        var labels = passages.Select((p, i) => (Label: Label(i), p.ChunkId)).ToDictionary(x => x.Label, x => x.ChunkId, StringComparer.OrdinalIgnoreCase);
        var (answer, rejection) = AnswerValidator.Validate(output, labels, prompts.Canary, prompt.Template, redactor, options.AllowedLinkDomains);
        return new(answer, new TraceLlm(prompt.Name, prompt.Version, model, input, generated, ms, answer is not null, rejection?.English) { RejectionCode = TraceCode.Of(rejection) }, rejection);
    }

    /// <summary>
    /// The label a passage is cited by (P1, P2…): short, and free of digits runs the prompt's redaction
    /// could take for personal data (a chunk id after "id=" reads like an ID number).
    /// </summary>
    internal static string Label(int index) => "P" + (index + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>Each passage between markers the prompt explains; its own text cannot forge a marker.</summary>
    internal static string Passages(IReadOnlyList<KnowledgeHit> passages)
    {
        var text = new StringBuilder();
        for (var i = 0; i < passages.Count; i++)
        {
            var p = passages[i];
            text.Append("[[passage ").Append(Label(i)).Append("]]\n")
                .Append(Neutralize(p.Title)).Append(" — ").Append(Neutralize(p.Heading)).Append('\n')
                .Append(Neutralize(p.Text)).Append("\n[[end passage]]\n\n");
        }
        return text.ToString();
    }

    /// <summary>Square-bracket pairs and angle brackets are the prompt's own markup: user and SOP text cannot carry them.</summary>
    internal static string Neutralize(string text) =>
        text.Replace("[[", "[ [", StringComparison.Ordinal).Replace("]]", "] ]", StringComparison.Ordinal).Replace('<', '‹').Replace('>', '›');

    private static string? Text(FunctionResult result)
    {
        var value = result.GetValue<object>();
        if (value is Microsoft.Extensions.AI.ChatResponse response) return response.Text;
        if (value is ChatMessageContent content) return content.Content;
        return value as string ?? result.ToString();
    }
}
