using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Demo.Generation;

internal enum QuestionKind { Single, OutOfScope, Unclear, Multi }

/// <summary>A generated question text with the truth behind it (which the demo knows and a real importer would not).</summary>
internal sealed record QuestionDraft(string Text, string Hash, string Locale, QuestionKind Kind, DemoIntent? Intent, DemoIntent? Second);

/// <summary>A stored demo question and its truth, used to simulate annotators.</summary>
internal sealed record DemoQuestion(Question Entity, QuestionKind Kind, DemoIntent? Intent);
