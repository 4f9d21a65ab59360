namespace PuoAiOps.Core.Classification;

/// <summary>One training or test example: a question and its intent label.</summary>
public sealed record LabeledText(string Text, string Label);
