using System.Text.RegularExpressions;
using PuoAiOps.Application.Knowledge.Formats;

namespace PuoAiOps.Application.Knowledge.Ingestion;

/// <summary>One file's outcome: a result, or the reason it was refused (the other files still go in).</summary>
public sealed record FileIngestOutcome(string Path, IngestResult? Result, string? Error);

/// <summary>
/// Ingests a file or every supported file under a folder, each in its own transaction, so one bad
/// file is reported and skipped without touching the others. A folder named like a locale
/// ("en", "zh-CN") gives its files that locale unless their front matter says otherwise.
/// </summary>
public sealed partial class KnowledgeFolderSync(KnowledgeIngestionService ingestion)
{
    public Task<IReadOnlyList<FileIngestOutcome>> IngestPathAsync(string path, string? uploadedById, CancellationToken ct = default) =>
        IngestPathAsync(path, uploadedById, null, ct);

    /// <param name="progress">Called after each file with the files done and the total (a job's progress bar).</param>
    public async Task<IReadOnlyList<FileIngestOutcome>> IngestPathAsync(string path, string? uploadedById, Func<int, int, Task>? progress, CancellationToken ct = default)
    {
        if (File.Exists(path)) return [await IngestFileAsync(path, uploadedById, ct)];
        if (!Directory.Exists(path)) throw new KnowledgeInputException(KnowledgeRefusal.NoSuchPath, path);
        var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.Ordinal).ToList();
        var outcomes = new List<FileIngestOutcome>(files.Count);
        foreach (var file in files)
        {
            if (DocumentFormats.FromFileName(file) is null)
            {
                outcomes.Add(new FileIngestOutcome(file, null, $"skipped: unsupported type '{Path.GetExtension(file)}'; expected {DocumentFormats.Supported}"));
            }
            else outcomes.Add(await IngestFileAsync(file, uploadedById, ct));
            if (progress is not null) await progress(outcomes.Count, files.Count);
        }
        return outcomes;
    }

    private async Task<FileIngestOutcome> IngestFileAsync(string file, string? uploadedById, CancellationToken ct)
    {
        try
        {
            var info = new FileInfo(file);
            // Checked before reading: a 50 MB file is refused without loading it.
            if (DocumentFormats.FromFileName(file) is not null && info.Length > ingestion.MaxDocumentBytes)
                return new FileIngestOutcome(file, null, $"{info.Name}: {info.Length / 1024.0 / 1024.0:0.0} MB is over the {ingestion.MaxDocumentBytes / 1024.0 / 1024.0:0.0} MB limit (Knowledge:MaxDocumentBytes)");
            var bytes = await File.ReadAllBytesAsync(file, ct);
            var upload = new DocumentUpload(info.Name, bytes, Path.GetFullPath(file), uploadedById, LocaleOfFolder(info.Directory?.Name));
            return new FileIngestOutcome(file, await ingestion.IngestAsync(upload, ct), null);
        }
        catch (KnowledgeInputException ex)
        {
            return new FileIngestOutcome(file, null, ex.Message);
        }
    }

    private static string? LocaleOfFolder(string? name) => name is not null && LocaleName().IsMatch(name) ? name : null;

    [GeneratedRegex("^(en|zh)(-[A-Za-z]{2,4})?$")]
    private static partial Regex LocaleName();
}
