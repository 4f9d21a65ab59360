using System.Diagnostics;
using PuoAiOps.Application.Ai.Kernel;
using PuoAiOps.Application.Knowledge.Search;
using PuoAiOps.Application.Scripts;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Bot;

/// <summary>Collects one turn's trace while the pipeline runs, and turns the final choice into a <see cref="BotDecision"/>.</summary>
internal sealed class TraceBuilder(BotInput input)
{
    private readonly List<TraceStage> _stages = [];

    public string? Screen { get; set; }
    public string Effective { get; set; } = input.RedactedQuestion;
    public BotClassification Classification { get; set; } = BotClassification.None;
    public IReadOnlyList<KnowledgeHit> Passages { get; set; } = [];
    public TraceLlm? Llm { get; set; }
    public List<CodedMessage> Notes { get; } = [];

    public void Note(BotReason code, params object[] args) => Notes.Add(CodedMessage.Of(code, args));

    public T Time<T>(string stage, Func<T> step)
    {
        var started = Stopwatch.GetTimestamp();
        try { return step(); }
        finally { _stages.Add(new TraceStage(stage, Stopwatch.GetElapsedTime(started).TotalMilliseconds)); }
    }

    public async Task<T> TimeAsync<T>(string stage, Func<Task<T>> step)
    {
        var started = Stopwatch.GetTimestamp();
        try { return await step(); }
        finally { _stages.Add(new TraceStage(stage, Stopwatch.GetElapsedTime(started).TotalMilliseconds)); }
    }

    public BotDecision Script(string text, ServedScript script, CodedMessage reason, long started, KernelCallLog log) =>
        Decide(text, SourceTypes.Script, reason, started, log, [], null) with
        {
            ScriptVersionId = script.VersionId,
            Trace = Build(SourceTypes.Script, reason, started, log) with
            {
                ScriptId = script.ScriptId, ScriptVersionId = script.VersionId, ScriptVersionNumber = script.Number, CitedSections = script.SopLinks ?? [],
            },
        };

    public BotDecision Generated(ValidatedAnswer answer, long started, KernelCallLog log) =>
        Decide(answer.Text, SourceTypes.Llm, CodedMessage.Of(BotReason.GroundedAnswer, string.Join(", ", answer.Citations)), started, log, answer.Citations, null);

    public BotDecision Sop(string text, KnowledgeHit best, CodedMessage reason, long started, KernelCallLog log) =>
        Decide(text, SourceTypes.Sop, reason, started, log, [best.ChunkId], null);

    public BotDecision Handoff(string text, CodedMessage reason, string? intent, long started, KernelCallLog log) =>
        Decide(text, SourceTypes.Handoff, reason, started, log, [], reason);

    private BotDecision Decide(string text, string source, CodedMessage reason, long started, KernelCallLog log, IReadOnlyList<long> chunks, CodedMessage? escalation) =>
        new(text, source, Classification.Intent, Classification.Confidence, null, chunks, escalation, Classification.VersionId, Build(source, reason, started, log));

    private BotTrace Build(string source, CodedMessage reason, long started, KernelCallLog log) => new()
    {
        RedactedQuestion = input.RedactedQuestion,
        EffectiveQuestion = Effective,
        Locale = input.Locale,
        Channel = input.Channel,
        Screen = Screen,
        ModelVersionId = Classification.VersionId,
        Intent = Classification.Intent,
        Confidence = Math.Round(Classification.Confidence, 4),
        RunnersUp = Classification.Candidates,
        Passages = Passages.Select(p => new TracePassage(p.ChunkId, p.Slug, p.Heading, Math.Round(p.Score, 5))).ToList(),
        Llm = Llm,
        Stages = [.. _stages, .. log.Calls.Select(c => new TraceStage($"kernel:{c.Plugin}.{c.Function}", Math.Round(c.Ms, 3)))],
        Decision = source,
        Reason = Notes.Count == 0 ? reason.English : reason.English + " (" + string.Join("; ", Notes.Select(n => n.English)) + ")",
        ReasonCode = TraceCode.Of(reason),
        NoteCodes = Notes.Select(n => TraceCode.Of(n)!).ToList(),
        TotalMs = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 3),
    };
}
