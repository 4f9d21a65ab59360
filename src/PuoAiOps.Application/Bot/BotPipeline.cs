using System.Diagnostics;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using PuoAiOps.Application.Ai.Kernel;
using PuoAiOps.Application.Bot.Plugins;
using PuoAiOps.Application.Knowledge.Search;
using PuoAiOps.Application.Scripts;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Bot;

/// <summary>What the pipeline decided for one message.</summary>
public sealed record BotDecision(string Answer, string SourceType, string? Intent, double Confidence, long? ScriptVersionId,
    IReadOnlyList<long> ChunkIds, CodedMessage? EscalationReason, long? ModelVersionId, BotTrace Trace);

/// <summary>One message as the pipeline receives it: already redacted, with the conversation's recent turns.</summary>
public sealed record BotInput(string RedactedQuestion, string Locale, string Channel, IReadOnlyDictionary<string, string> Context,
    IReadOnlyList<(bool FromUser, string Text)> History)
{
    /// <summary>Receives an LLM answer's text while it is written (the playground); null: not streamed.</summary>
    public Action<string>? Drafts { get; init; }
}

/// <summary>
/// The answer pipeline: plain, deterministic steps around kernel calls (not an agent). Screen →
/// classify → approved script → retrieve → grounded LLM answer (validated) → extractive answer →
/// handoff. Every step's time and the reason for the decision go into the trace.
/// </summary>
public sealed class BotPipeline(
    BotClassifier classifier, BotKernelFactory kernels, GroundedAnswerer answerer, KnowledgeSearchService search,
    BotRedactor redactors, IOptions<BotOptions> options)
{
    public async Task<BotDecision> RunAsync(BotInput input, CancellationToken ct)
    {
        var o = options.Value;
        var total = Stopwatch.GetTimestamp();
        var trace = new TraceBuilder(input);
        var redactor = await redactors.GetAsync(ct);
        var log = new KernelCallLog();
        var kernel = kernels.Create(search, redactor, log);

        var screen = trace.Time("screen", () => InjectionScreen.Check(input.RedactedQuestion));
        trace.Screen = screen.Rule;
        if (screen.Verdict == ScreenVerdict.Abuse)
            return trace.Handoff(HandoffText.Abuse(input.Locale), CodedMessage.Of(BotReason.Abusive), null, total, log);

        var question = FollowUp.Effective(input.RedactedQuestion, input.History);
        trace.Effective = question;
        var c = await trace.TimeAsync("classify", () => classifier.ClassifyAsync(question, ct));
        trace.Classification = c;

        if (c.Intent is not null && c.Confidence >= o.ScriptThreshold)
        {
            var script = await trace.TimeAsync("script", () => kernel.InvokeAsync<ServedScript?>(kernel.Plugins[ScriptPlugin.Name]["lookup"],
                new KernelArguments { ["intent"] = c.Intent, ["locale"] = input.Locale, ["channel"] = BotChannels.ScriptChannelOf(input.Channel) }, ct));
            if (script is not null)
            {
                var filled = ScriptFiller.Fill(script.Body, script.Variables, input.Context);
                if (filled.Text is { } text)
                    return trace.Script(text, script, CodedMessage.Of(BotReason.ApprovedScript, script.Number, c.Intent, c.Confidence, o.ScriptThreshold), total, log);
                trace.Note(BotReason.ScriptNeedsContext, script.Number, string.Join(", ", filled.Missing));
            }
            else trace.Note(BotReason.NoApprovedScript, c.Intent, input.Locale, BotChannels.ScriptChannelOf(input.Channel));
        }
        else if (c.ExplicitlyOutOfScope && c.Confidence >= o.ScriptThreshold)
        {
            return trace.Handoff(HandoffText.Handoff(input.Locale), CodedMessage.Of(BotReason.OutOfScope, c.Confidence), null, total, log);
        }

        var found = await trace.TimeAsync("retrieve", () => kernel.InvokeAsync<KnowledgeSearchResult>(kernel.Plugins[KnowledgePlugin.Name]["search"],
            new KernelArguments { ["query"] = question, ["locale"] = input.Locale, ["top"] = o.RetrievalTop }, ct));
        var passages = new List<KnowledgeHit>();
        foreach (var hit in found?.Hits ?? [])
        {
            if (InjectionScreen.Check(hit.Text).Verdict != ScreenVerdict.Clean) trace.Note(BotReason.PassageDropped, hit.ChunkId);
            else if (hit.Score >= o.RetrievalMinScore) passages.Add(hit);
        }
        trace.Passages = passages;

        if (passages.Count > 0 && kernels.HasChatService && screen.Verdict == ScreenVerdict.Clean)
        {
            var outcome = await trace.TimeAsync("llm", () => answerer.AnswerAsync(kernel, log, redactor, question, input.Locale, passages, FollowUp.History(input.History), ct, input.Drafts));
            trace.Llm = outcome.Trace;
            if (outcome.Answer is { } answer) return trace.Generated(answer, total, log);
            trace.Note(BotReason.LlmRejected, outcome.Rejection!);
        }
        else if (screen.Verdict == ScreenVerdict.Injection) trace.Note(BotReason.InjectionNoLlm);

        if (passages.Count > 0)
        {
            // The passage that covers most of the question (the higher-ranked one on a tie): rank alone
            // prefers a long general section over the short specific one.
            var (best, overlap) = passages.Select(p => (Hit: p, Share: TermOverlap.Share(question, p.Heading + " " + p.Text)))
                .Aggregate((a, b) => b.Share > a.Share ? b : a);
            if (overlap >= o.ExtractiveMinOverlap)
                return trace.Sop(ExtractiveAnswer.Compose(best, input.Locale, o.MaxExtractiveLength), best,
                    CodedMessage.Of(BotReason.BestPassage, best.ChunkId, overlap), total, log);
            trace.Note(BotReason.BestPassageTooNarrow, best.ChunkId, overlap);
        }
        return trace.Handoff(HandoffText.Handoff(input.Locale), CodedMessage.Of(passages.Count == 0 ? BotReason.NoPassage : BotReason.NothingGoodEnough), c.Intent, total, log);
    }
}
