using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Bot;

/// <summary>
/// Why the pipeline chose an answer, and the notes it took on the way: stored in the turn's trace as a
/// code with its arguments beside the English (<see cref="BotTrace.Reason"/>), so the playground and the
/// conversation pages word it in the reader's language (<c>Localization/ReasonText</c>, <c>BotReason.&lt;value&gt;</c>).
/// </summary>
public enum BotReason
{
    [English("approved script v{0} for {1} (confidence {2:0.00} ≥ {3:0.00})")] ApprovedScript,
    [English("out of scope (confidence {0:0.00})")] OutOfScope,
    [English("abusive message")] Abusive,
    [English("grounded answer citing {0}, validated")] GroundedAnswer,
    [English("best passage {0} covers {1:P0} of the question")] BestPassage,
    [English("nothing good enough: no passage found")] NoPassage,
    [English("nothing good enough")] NothingGoodEnough,
    [English("script v{0} needs {1}, not in context")] ScriptNeedsContext,
    [English("no approved script for {0} in {1}/{2}")] NoApprovedScript,
    [English("passage {0} dropped: it carries instructions")] PassageDropped,
    [English("LLM answer rejected: {0}")] LlmRejected,
    [English("no LLM: the message looks like prompt injection")] InjectionNoLlm,
    [English("best passage {0} covers only {1:P0} of the question")] BestPassageTooNarrow,
}

/// <summary>Why a model's answer was not served (<see cref="AnswerValidator"/>, <see cref="GroundedAnswerer"/>).</summary>
public enum AnswerRejection
{
    [English("empty output")] EmptyOutput,
    [English("output is not the JSON object the prompt asks for")] NotTheJson,
    [English("the model found the passages insufficient")] PassagesInsufficient,
    [English("answer longer than {0} characters")] TooLong,
    [English("canary leaked")] CanaryLeaked,
    [English("answer repeats the system prompt")] RepeatsSystemPrompt,
    [English("answer cites no passage")] NoCitation,
    [English("answer cites passages that were not retrieved: {0}")] ForeignCitation,
    [English("answer contains personal data")] PersonalData,
    [English("answer links to a domain that is not allowed: {0}")] LinkNotAllowed,
    [English("answer names a domain that is not allowed: {0}")] DomainNotAllowed,
    [English("answer carries prompt markup or instructions")] PromptMarkup,
    [English("no answer within {0} s")] NoAnswerInTime,
    [English("model unavailable: {0}")] ModelUnavailable,
}
