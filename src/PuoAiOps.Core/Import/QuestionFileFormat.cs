namespace PuoAiOps.Core.Import;

/// <summary>File formats the question importer reads. Both carry the same fields.</summary>
public enum QuestionFileFormat
{
    Csv,
    JsonLines,
}
