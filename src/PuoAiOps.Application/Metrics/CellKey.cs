namespace PuoAiOps.Application.Metrics;

/// <summary>The dimensions of one rollup cell (besides the day).</summary>
public readonly record struct CellKey(int? IntentId, string Locale, string Channel, string AnswerSource, long? ScriptVersionId, long? ModelVersionId);

/// <summary>One conversation's facts and the cell it is counted in.</summary>
public sealed record LoadedConversation(PuoAiOps.Core.Metrics.ConversationFacts Facts, CellKey Cell, DateOnly Day);
