using System.CommandLine;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Questions;
using PuoAiOps.Core.Import;
using PuoAiOps.Core.Text.Redaction;

namespace PuoAiOps.Cli.Commands;

/// <summary>
/// `puo import questions FILE`: CSV or JSON Lines, redacted before storing, duplicates counted.
/// Limits come from the "Import" settings (environment variables such as Import__MaxRows) and the flags.
/// Exit 0 when the file was read (even with rejected rows), 2 when it is not a question file or over a limit.
/// The rows are stored first; then (SQLite) the command indexes them for search before it exits, unless --index-later
/// leaves that to the console's background catch-up. Searches are exact either way: rows not indexed yet are scanned.
/// </summary>
internal static class ImportCommand
{
    private const int TextModeRejectionLines = 50;

    public static Command Create(Func<Func<CliContext, CancellationToken, Task<int>>, CliAction> bind)
    {
        var import = new Command("import", "Import data into the workspace");
        var questions = new Command("questions", "Import user questions from a CSV (header with a 'text' column) or JSON Lines file");
        var file = new Argument<string>("file") { Description = "Path of the .csv or .jsonl file" };
        var batchSize = new Option<int?>("--batch-size") { Description = "Rows per transaction (Import:BatchSize)" };
        var maxRows = new Option<long?>("--max-rows") { Description = "Refuse files with more data rows (Import:MaxRows; 0 = no limit)" };
        var maxBytes = new Option<long?>("--max-file-bytes") { Description = "Refuse larger files (Import:MaxFileBytes)" };
        var maxText = new Option<int?>("--max-text-length") { Description = "Reject longer questions (Import:MaxTextLength)" };
        var source = new Option<string?>("--source") { Description = "Source stored for rows that have none" };
        var progress = new Option<bool>("--progress") { Description = "Print progress to stderr after each batch" };
        var indexLater = new Option<bool>("--index-later")
        {
            Description = "Store the rows and exit; the console indexes them for search in the background (searches scan them until then)",
        };
        questions.Arguments.Add(file);
        foreach (var option in new Option[] { batchSize, maxRows, maxBytes, maxText, source, progress, indexLater }) questions.Options.Add(option);

        bind(async (ctx, ct) =>
        {
            var path = ctx.Parse.GetValue(file)!;
            if (!File.Exists(path)) throw new CliUsageException($"no such file: {path}");
            // The console's registration and validation of the "Import" settings; the flags override them before validation.
            await using var services = await CliServices.BuildAsync(ctx, builder =>
            {
                builder.AddQuestionImport();
                builder.Services.PostConfigure<ImportOptions>(options =>
                {
                    if (ctx.Parse.GetValue(batchSize) is { } b) options.BatchSize = b;
                    if (ctx.Parse.GetValue(maxRows) is { } r) options.MaxRows = r;
                    if (ctx.Parse.GetValue(maxBytes) is { } m) options.MaxFileBytes = m;
                    if (ctx.Parse.GetValue(maxText) is { } t) options.MaxTextLength = t;
                });
            }, ct);
            await using var scope = services.CreateAsyncScope();
            var service = scope.ServiceProvider.GetRequiredService<QuestionImportService>();
            var request = new ImportRequest(Path.GetFileName(path)) { DefaultSource = ctx.Parse.GetValue(source) };
            IProgress<ImportProgress>? reporter = ctx.Parse.GetValue(progress)
                ? new SyncProgress(p => ctx.Error.WriteLine($"batch {p.Batches}: {p.Imported:N0} imported, {p.Duplicates:N0} duplicates, {p.Rejected:N0} rejected"))
                : null;
            ImportResult result;
            try
            {
                result = await service.ImportFileAsync(path, request, reporter, ct);
            }
            catch (Exception ex) when (ex is ImportFormatException or ImportLimitExceededException)
            {
                throw new CliUsageException(ex.Message);
            }
            catch (Exception ex) when (ex is InvalidPiiPatternException or PiiRedactionTimeoutException)
            {
                await ctx.Error.WriteLineAsync($"error: {ex.Message} (fix it in the admin settings, key {PiiPatternStore.SettingKey})");
                return PuoCli.Failure;
            }
            if (ctx.Json) ctx.Out.WriteLine(ToJson(result).ToJsonString());
            else WriteText(ctx.Out, path, result);
            if (result.RejectionsNotListed > 0)
                await ctx.Error.WriteLineAsync($"note: {result.RejectionsNotListed:N0} more rejected rows are counted but not listed (Import:MaxReportedRejections).");
            var catchUp = scope.ServiceProvider.GetRequiredService<QuestionSearchCatchUp>();
            if (ctx.Parse.GetValue(indexLater))
            {
                if (!ctx.Json && await catchUp.IsBehindAsync(ct)) ctx.Out.WriteLine("Search index: left to the console (searches scan the new rows until then).");
                return PuoCli.Ok;
            }
            // Interrupting this leaves a consistent workspace: the watermark marks where the console resumes.
            var indexed = await catchUp.RunAsync(ct: ct);
            if (!ctx.Json && indexed.Indexed > 0)
                ctx.Out.WriteLine($"Search index: {indexed.Indexed:N0} questions indexed in {indexed.Elapsed.TotalSeconds:F1} s.");
            return PuoCli.Ok;
        }).AttachTo(questions);
        import.Subcommands.Add(questions);
        return import;
    }

    /// <summary>Exactly {"imported","duplicates","rejected":[{"line","reason"}],"redacted":{…}}; "rejected_not_listed" only when the list was capped.</summary>
    internal static JsonObject ToJson(ImportResult result)
    {
        var rejected = new JsonArray();
        foreach (var r in result.Rejections) rejected.Add(new JsonObject { ["line"] = r.Line, ["reason"] = r.Reason });
        var redacted = new JsonObject();
        foreach (var (key, count) in result.Redacted) redacted[key] = count;
        var json = new JsonObject
        {
            ["imported"] = result.Imported,
            ["duplicates"] = result.Duplicates,
            ["rejected"] = rejected,
            ["redacted"] = redacted,
        };
        if (result.RejectionsNotListed > 0) json["rejected_not_listed"] = result.RejectionsNotListed;
        return json;
    }

    private static void WriteText(TextWriter output, string path, ImportResult result)
    {
        output.WriteLine($"{Path.GetFileName(path)} ({(result.Format == QuestionFileFormat.Csv ? "CSV" : "JSON Lines")}, {result.Rows:N0} rows): {result.Imported:N0} imported, " +
                         $"{result.Duplicates:N0} duplicates, {result.Rejected:N0} rejected in {result.Elapsed.TotalSeconds:F1} s (run {result.RunId}).");
        var redacted = result.Redacted.Where(kv => kv.Value > 0).Select(kv => $"{kv.Key} {kv.Value:N0}").ToList();
        output.WriteLine(redacted.Count == 0 ? "Nothing redacted." : $"Redacted: {string.Join(", ", redacted)}.");
        foreach (var r in result.Rejections.Take(TextModeRejectionLines)) output.WriteLine($"  line {r.Line}: {r.Reason}");
        var more = result.Rejected - Math.Min(TextModeRejectionLines, result.Rejections.Count);
        if (more > 0) output.WriteLine($"  … and {more:N0} more rejected rows (--json lists them).");
    }

    /// <summary>Reports on the writer's thread, in order (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SyncProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
