using System.Text.Json.Serialization;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Knowledge.Ingestion;

/// <summary>
/// A document to ingest: its file name (which gives the format and, without front matter, the
/// slug), its bytes, where it came from and who uploaded it. <paramref name="Locale"/> is used
/// when the document's front matter does not name one. <paramref name="ExpectedVersion"/>, from an
/// editor, is the edit stamp the change was made on: another save in between refuses this one.
/// </summary>
public sealed record DocumentUpload(string FileName, byte[] Content, string Source, string? UploadedById = null, string? Locale = null, Guid? ExpectedVersion = null);

public enum IngestStatus { Created, Updated, Unchanged }

/// <summary>What one ingestion did. Chunk counts say how much was re-indexed: only added chunks are embedded again.</summary>
public sealed record IngestResult(
    string Slug,
    string Locale,
    string Title,
    IngestStatus Status,
    int Revision,
    int ChunksAdded,
    int ChunksRemoved,
    int ChunksKept,
    int HiddenElementsRemoved,
    int InvisibleCharsRemoved,
    [property: JsonIgnore] CodedMessage? IndexNote = null)
{
    /// <summary>Set when the database changed but an index could not follow: in English (the API's and the CLI's); the console words <see cref="IndexNote"/>.</summary>
    public string? IndexWarning => IndexNote?.English;
}
