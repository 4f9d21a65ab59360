namespace PuoAiOps.Application.Annotation;

/// <summary>Values of <c>Question.FinalLabelSource</c> written by the annotation workflow.</summary>
public static class FinalLabelSources
{
    /// <summary>Every annotator of the item chose the same label.</summary>
    public const string Consensus = "consensus";
    /// <summary>A reviewer decided after the annotators disagreed.</summary>
    public const string Adjudicated = "adjudicated";
}
