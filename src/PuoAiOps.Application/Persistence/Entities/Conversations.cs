namespace PuoAiOps.Application.Persistence.Entities;

public enum ConversationOutcome { Open, Resolved, Escalated, Abandoned }
public enum ResolutionTier { None, Assumed, Confirmed }

/// <summary>A bot conversation with one user. Playground and test traffic are flagged and excluded from metrics.</summary>
public sealed class Conversation
{
    public long Id { get; set; }
    /// <summary>Pseudonymous user id from the platform (never a name or contact).</summary>
    public string UserRef { get; set; } = "";
    public string Channel { get; set; } = "app";
    public string Locale { get; set; } = "en";
    public DateTime StartedAt { get; set; } = DateTime.UtcNow;
    public DateTime? EndedAt { get; set; }
    public int? IntentId { get; set; }
    public double? IntentConfidence { get; set; }
    public ConversationOutcome Outcome { get; set; } = ConversationOutcome.Open;
    public ResolutionTier Resolution { get; set; } = ResolutionTier.None;
    public bool IsTest { get; set; }
    public long? ModelVersionId { get; set; }
    public bool IsDemo { get; set; }
    public List<Turn> Turns { get; set; } = [];
}

public enum TurnRole { User, Bot, Agent }
public enum AnswerSource { None, Script, Sop, Llm, Fallback, Handoff }

public sealed class Turn
{
    public long Id { get; set; }
    public long ConversationId { get; set; }
    public int Ordinal { get; set; }
    public TurnRole Role { get; set; }
    /// <summary>Redacted text.</summary>
    public string Text { get; set; } = "";
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public int? IntentId { get; set; }
    public double? Confidence { get; set; }
    public AnswerSource Source { get; set; }
    public long? ScriptVersionId { get; set; }
    public int? LatencyMs { get; set; }
}

public enum FeedbackKind { ThumbsUp, ThumbsDown, Solved, NotSolved, Rating }

public sealed class Feedback
{
    public long Id { get; set; }
    public long ConversationId { get; set; }
    public long? TurnId { get; set; }
    public FeedbackKind Kind { get; set; }
    /// <summary>1–5 for <see cref="FeedbackKind.Rating"/>.</summary>
    public int? Rating { get; set; }
    public string? Comment { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}

public enum GraderKind { Human, LlmJudge }
public enum GradeVerdict { Correct, Partial, Incorrect }

/// <summary>A grade of one bot answer, by a reviewer or by the LLM judge (kept as separate series).</summary>
public sealed class AnswerGrade
{
    public long Id { get; set; }
    public long TurnId { get; set; }
    public long ConversationId { get; set; }
    public GraderKind Grader { get; set; }
    public string? GraderId { get; set; }
    public GradeVerdict Verdict { get; set; }
    public string? Note { get; set; }
    /// <summary>Comma-separated reason codes of a partial or incorrect grade (see <c>GradeReasons</c>).</summary>
    public string? ReasonCodes { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}

public enum EscalationStatus { Open, Assigned, Closed }

/// <summary>How a person closed a hand-over: they solved the user's problem, or it stayed unsolved.</summary>
public enum EscalationOutcome { ResolvedByPerson, NotResolved }

/// <summary>A conversation the bot handed to a person (the support team's queue, /escalations).</summary>
public sealed class Escalation
{
    public long Id { get; set; }
    public long ConversationId { get; set; }
    /// <summary>Why the bot handed over, in English (the CLI, the REST API, the filter and rows written before it had a code).</summary>
    public string Reason { get; set; } = "";
    /// <summary>The reason as a code, <c>&lt;enum&gt;.&lt;value&gt;</c>, and its arguments (CodedMessageJson), worded by the console.</summary>
    public string? ReasonCode { get; set; }
    public string? ReasonArgs { get; set; }
    public EscalationStatus Status { get; set; } = EscalationStatus.Open;
    public string? AssigneeId { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime? AssignedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public string? ClosedById { get; set; }
    /// <summary>Set when closed; kept (with the note) after a reopen until the next close replaces it.</summary>
    public EscalationOutcome? Outcome { get; set; }
    /// <summary>What the person did, redacted before it is stored.</summary>
    public string? ResolutionNote { get; set; }
    /// <summary>Optimistic concurrency: every change increments it, so two people acting on the same case cannot both win.</summary>
    public int Version { get; set; }
}

/// <summary>
/// Why the bot answered one turn the way it did (the bot turn's id is the key): the redacted
/// question, intent and runners-up, script version, retrieved chunks, prompt, model, tokens,
/// latency per stage and the decision. <see cref="Json"/> holds the whole trace (PuoAiOps.Application.Bot.BotTrace).
/// </summary>
public sealed class TurnTrace
{
    public long TurnId { get; set; }
    public long ConversationId { get; set; }
    /// <summary>The decision in one word (script, sop, llm, handoff), for filtering without parsing the JSON.</summary>
    public string Decision { get; set; } = "";
    public string Json { get; set; } = "";
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}
