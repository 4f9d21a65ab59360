using PuoAiOps.Core.Retrieval;

namespace PuoAiOps.Application.Knowledge.Formats;

/// <summary>
/// A document as read: its cleaned source (invisible characters removed), its visible blocks, and
/// how much hidden content ingestion removed.
/// </summary>
public sealed record ParsedDocument(
    DocumentFormat Format,
    string Source,
    string? Title,
    FrontMatter Meta,
    IReadOnlyList<TextBlock> Blocks,
    int InvisibleCharsRemoved,
    int HiddenElementsRemoved);
