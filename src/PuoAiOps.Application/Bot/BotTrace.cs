using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Bot;

/// <summary>
/// Why one answer is what it is, stored with the bot turn (<c>TurnTraces</c>) and shown beside it.
/// Only redacted text is ever kept here.
/// </summary>
public sealed record BotTrace
{
    public string RedactedQuestion { get; init; } = "";
    /// <summary>The text that was classified and searched: the question, with the previous question for a short follow-up.</summary>
    public string EffectiveQuestion { get; init; } = "";
    public string Locale { get; init; } = "";
    public string Channel { get; init; } = "";
    public string? Screen { get; init; }
    public long? ModelVersionId { get; init; }
    public string? Intent { get; init; }
    public double Confidence { get; init; }
    public IReadOnlyList<TraceCandidate> RunnersUp { get; init; } = [];
    public long? ScriptId { get; init; }
    public long? ScriptVersionId { get; init; }
    public int? ScriptVersionNumber { get; init; }
    public IReadOnlyList<string> CitedSections { get; init; } = [];
    public IReadOnlyList<TracePassage> Passages { get; init; } = [];
    public TraceLlm? Llm { get; init; }
    public IReadOnlyList<TraceStage> Stages { get; init; } = [];
    public string Decision { get; init; } = "";
    /// <summary>The reason in English, with the notes in brackets (the API, the CLI, traces stored before codes).</summary>
    public string Reason { get; init; } = "";
    /// <summary>The reason as a code (<see cref="BotReason"/>) for the pages to word; null in traces stored before codes.</summary>
    public TraceCode? ReasonCode { get; init; }
    public IReadOnlyList<TraceCode> NoteCodes { get; init; } = [];
    public double TotalMs { get; init; }
}

public sealed record TraceCandidate(string Intent, double Confidence);

public sealed record TracePassage(long ChunkId, string Slug, string Heading, double Score);

/// <summary>The LLM call: prompt name and version (hash), model, tokens, and whether its output passed validation.</summary>
public sealed record TraceLlm(string Prompt, string PromptVersion, string? Model, long? InputTokens, long? OutputTokens, double Ms, bool Accepted, string? Rejection)
{
    /// <summary>The rejection as a code (<see cref="AnswerRejection"/>); null when accepted or stored before codes.</summary>
    public TraceCode? RejectionCode { get; init; }
}

/// <summary>A coded message as the trace stores it: <c>&lt;enum&gt;.&lt;value&gt;</c> and its arguments (<see cref="CodedMessageJson"/>).</summary>
public sealed record TraceCode(string Code, string Args)
{
    public static TraceCode? Of(CodedMessage? message) => message is null ? null : From(CodedMessageJson.Write(message));

    private static TraceCode From((string Code, string Args) stored) => new(stored.Code, stored.Args);

    /// <summary>The message again; null when its code is no longer known.</summary>
    public CodedMessage? Read() => Common.MessageCodes.Read(Code, Args);
}

public sealed record TraceStage(string Name, double Ms);
