using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Knowledge;

/// <summary>
/// Why a knowledge request is refused: uploads, searches and glossary entries (<see cref="KnowledgeInputException.Code"/>),
/// documents, their edits and history, the folder sync, retrieval suites and evaluation files (the
/// <c>Code</c> of the common exceptions). The console words each value from <c>KnowledgeText</c>
/// (<c>KnowledgeRefusal.&lt;value&gt;</c>); the API and the CLI in English.
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
    [English("document {0}")] NoDocument,
    [English("document '{0}'")] NoDocumentNamed,
    [English("document '{0}' ({1})")] NoDocumentInLocale,
    [English("'{0}' exists in {1}: name the locale")] LocaleAmbiguous,
    [English("take must be between {0} and {1}")] TakeOutOfRange,
    [English("revision {0} of document {1}")] NoRevision,
    [English("the front matter's slug '{0}' differs from this document's '{1}'; upload it as a new document instead")] SlugDiffers,
    [English("the front matter's locale '{0}' differs from this document's '{1}'")] LocaleDiffers,
    [English("{0} ({1}) was changed by someone else since it was opened; reload it and apply the edit again")] ChangedSinceOpened,
    [English("{0} ({1}) was changed by someone else while saving; reload it and apply the edit again")] ChangedWhileSaving,
    [English("{0} ({1}) was changed by someone else meanwhile; reload it and try again")] ChangedMeanwhile,
    [English("{0} ({1}) is already archived")] AlreadyArchived,
    [English("{0} ({1}) is not archived")] NotArchived,
    [English("archiving or deleting a document needs the Curator or Admin role")] ArchiveNeedsRole,
    [English("syncing the knowledge folder needs the Curator or Admin role")] SyncNeedsRole,
    [English("no sync folder is configured ({0})")] NoSyncFolder,
    [English("the sync folder {0} does not exist on the server")] SyncFolderMissing,
    [English("no such file or folder: {0}")] NoSuchPath,
    [English("retrieval suite {0}")] NoSuite,
    [English("test query {0} of suite {1}")] NoSuiteQuery,
    [English("a suite name must be {0}-{1} characters")] SuiteNameLength,
    [English("k must be between {0} and {1}")] SuiteKOutOfRange,
    [English("a suite named '{0}' already exists")] SuiteNameTaken,
    [English("a test query must be {0}-{1} characters")] SuiteQueryLength,
    [English("name at least one expected document")] SuiteQueryWithoutExpected,
    [English("no document with the slug {0}")] UnknownSlugs,
    [English("the suite has no test queries yet")] SuiteWithoutQueries,
    [English("no such file: {0}")] NoSuchFile,
    [English("{0}: no lines")] EvalNoLines,
    [English("{0}: expected a JSON object")] EvalNotAnObject,
    [English("{0}: not valid JSON ({1})")] EvalNotJson,
    [English("{0}: \"{1}\" is missing or empty")] EvalFieldMissing,
    [English("{0}: \"relevant\" must be a non-empty array of corpus ids")] EvalRelevantMissing,
    [English("saved, but the search index was not updated ({0}); run 'puo kb reindex'")] IndexNotUpdated,
}
