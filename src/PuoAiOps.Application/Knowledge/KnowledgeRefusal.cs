using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Knowledge;

/// <summary>
/// Why a document upload, a search or a glossary entry is refused (<see cref="KnowledgeInputException.Code"/>):
/// the console words each value from <c>KnowledgeText</c> (<c>KnowledgeRefusal.&lt;value&gt;</c>), the API and CLI in English.
/// </summary>
public enum KnowledgeRefusal
{
    [English("{0}: unsupported type '{1}'; expected {2}")] UnsupportedType,
    [English("{0}: {1} is over the {2} limit (Knowledge:MaxDocumentBytes)")] TooLarge,
    [English("{0}: the file is empty")] EmptyFile,
    [English("{0}: not valid UTF-8 text (a binary or corrupt file, or another encoding)")] NotUtf8,
    [English("{0}: contains binary data (NUL bytes); not a text document")] BinaryData,
    [English("{0}: {1}")] InFile,
    [English("{0}: no visible text (removed {1} hidden element(s) and {2} invisible character(s))")] NoVisibleText,
    [English("the front matter is not valid YAML (line {0}): {1}")] FrontMatterNotYaml,
    [English("review_by '{0}' is not a date (yyyy-MM-dd)")] ReviewByNotADate,
    [English("the query is empty")] EmptyQuery,
    [English("top must be between {0} and {1}")] TopOutOfRange,
    [English("a glossary term must be {0}-{1} characters")] GlossaryTermLength,
    [English("'{0}' needs at least one synonym")] GlossaryWithoutSynonyms,
}
