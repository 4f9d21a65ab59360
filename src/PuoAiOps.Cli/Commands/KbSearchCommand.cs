using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Knowledge.Indexing;
using PuoAiOps.Application.Knowledge.Search;

namespace PuoAiOps.Cli.Commands;

/// <summary>`puo kb search "query"`: hybrid search of the workspace's SOP chunks.</summary>
internal static class KbSearchCommand
{
    public static Command Create(Func<Func<CliContext, CancellationToken, Task<int>>, CliAction> bind)
    {
        var command = new Command("search", "Search the knowledge base (keyword BM25 + dense vectors, fused)");
        var query = new Argument<string>("query") { Description = "The question" };
        var top = new Option<int>("--top") { Description = "Results to show (1-100)", DefaultValueFactory = _ => 5 };
        var locale = new Option<string?>("--locale") { Description = "Only this language (en, zh-CN)" };
        var domain = new Option<string?>("--domain") { Description = "Only documents of this domain" };
        var intent = new Option<string?>("--intent") { Description = "Only documents for this intent" };
        var mode = new Option<SearchMode>("--mode") { Description = "Hybrid, Keyword or Dense", DefaultValueFactory = _ => SearchMode.Hybrid };
        command.Arguments.Add(query);
        foreach (var option in new Option[] { top, locale, domain, intent, mode }) command.Options.Add(option);
        bind((ctx, ct) => KbCommand.GuardAsync(async () =>
        {
            var searchMode = ctx.Parse.GetValue(mode);
            await using var services = await KbCommand.ServicesAsync(ctx, ct, dense: searchMode != SearchMode.Keyword);
            await using var scope = services.CreateAsyncScope();
            var filter = new SearchFilter(ctx.Parse.GetValue(locale), ctx.Parse.GetValue(domain), ctx.Parse.GetValue(intent));
            var result = await scope.ServiceProvider.GetRequiredService<KnowledgeSearchService>()
                .SearchAsync(new KnowledgeQuery(ctx.Parse.GetValue(query)!, ctx.Parse.GetValue(top), filter, searchMode), ct);
            if (ctx.Json)
            {
                ctx.WriteJson(new
                {
                    query = result.Query, expandedQuery = result.ExpandedQuery, mode = result.Mode.ToString().ToLowerInvariant(), note = result.Note,
                    hits = result.Hits.Select(h => new { chunkId = h.ChunkId, slug = h.Slug, locale = h.Locale, title = h.Title, heading = h.Heading, score = Math.Round(h.Score, 5), keywordRank = h.KeywordRank, denseRank = h.DenseRank, text = h.Text }),
                });
                return PuoCli.Ok;
            }
            if (result.Note is { } note) ctx.Error.WriteLine($"note: {note}");
            if (result.Hits.Count == 0) ctx.Out.WriteLine("No matching SOP sections.");
            var rank = 0;
            foreach (var h in result.Hits)
            {
                ctx.Out.WriteLine($"{++rank}. {h.Heading}  [{h.Slug} {h.Locale}]  (keyword #{h.KeywordRank?.ToString() ?? "-"}, dense #{h.DenseRank?.ToString() ?? "-"})");
                var snippet = h.Text.ReplaceLineEndings(" ");
                ctx.Out.WriteLine("   " + (snippet.Length > 200 ? snippet[..200] + "…" : snippet));
            }
            return PuoCli.Ok;
        })).AttachTo(command);
        return command;
    }
}
