using PuoAiOps.Application.Demo.Content;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Text;

namespace PuoAiOps.Application.Demo.Generation;

/// <summary>
/// SOP documents from the embedded Markdown, split into one chunk per "## " section. Each gets the metadata a
/// curated knowledge base has, so the document list's filters and review flags have something to show: its
/// domain (the first tag that is a taxonomy domain), an owner, and a review-by date, overdue for a few.
/// </summary>
internal static class SopBuilder
{
    /// <summary>Documents whose review date has passed in the demo: the list flags them.</summary>
    private static readonly HashSet<string> OverdueForReview = new(StringComparer.Ordinal) { "payout-schedule", "stream-lag-troubleshooting", "verification-codes" };

    /// <summary>Adds documents and chunks; returns the sources by (slug, locale) for answer rendering.</summary>
    public static Dictionary<(string Slug, string Locale), SopSource> Build(
        DemoContent content, DemoDataSet set, DemoIds ids, DemoRandom random, DateTime now)
    {
        var bySlug = new Dictionary<(string, string), SopSource>();
        var domains = set.Domains.Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
        var today = DateOnly.FromDateTime(now);
        foreach (var source in content.Sops)
        {
            var domain = source.Meta.Tags.FirstOrDefault(domains.Contains);
            var document = new SopDocument
            {
                Id = ids.Next<SopDocument>(),
                Slug = source.Slug,
                Title = source.Meta.Title,
                Locale = source.Locale,
                Markdown = source.Markdown,
                Tags = [.. source.Meta.Tags],
                Domain = domain,
                Owner = domain is "moderation" ? "demo.priya" : "demo.chen",
                ReviewBy = OverdueForReview.Contains(source.Slug) ? today.AddDays(-(int)random.Between(3, 20)) : today.AddDays((int)random.Between(20, 160)),
                Status = DocumentStatus.Published,
                Revision = 1 + random.Next(4),
                UpdatedById = DemoUsers.Curator,
                UpdatedAt = now.AddDays(-random.Between(3, 85)),
                IsDemo = true,
                Version = random.NextGuid(),
            };
            set.Documents.Add(document);
            var ordinal = 0;
            foreach (var (heading, text) in Sections(source.Meta.Title, source.Markdown))
            {
                set.Chunks.Add(new SopChunk
                {
                    Id = ids.Next<SopChunk>(),
                    DocumentId = document.Id,
                    Ordinal = ordinal++,
                    Heading = heading,
                    Text = text,
                    TokenCount = ApproximateTokens(text),
                });
            }
            bySlug[(source.Slug, source.Locale)] = source;
        }
        return bySlug;
    }

    /// <summary>The part before the first "## " is the introduction, headed by the document title.</summary>
    internal static IEnumerable<(string Heading, string Text)> Sections(string title, string markdown)
    {
        var heading = title;
        var lines = new List<string>();
        foreach (var line in markdown.Split('\n'))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                if (lines.Any(l => l.Trim().Length > 0 && !l.StartsWith("# ", StringComparison.Ordinal)))
                    yield return (heading, string.Join('\n', lines).Trim());
                heading = line[3..].Trim();
                lines = [line];
            }
            else
            {
                lines.Add(line);
            }
        }
        yield return (heading, string.Join('\n', lines).Trim());
    }

    /// <summary>
    /// Rough size for context budgeting: about 1.3 tokens per Latin word and one per CJK character,
    /// which is close to common subword tokenizers without depending on one.
    /// </summary>
    internal static int ApproximateTokens(string text)
    {
        var words = 0;
        var cjk = 0;
        var inWord = false;
        foreach (var ch in text)
        {
            if (TextNormalizer.IsCjk(ch))
            {
                cjk++;
                inWord = false;
            }
            else if (char.IsLetterOrDigit(ch))
            {
                if (!inWord) words++;
                inWord = true;
            }
            else
            {
                inWord = false;
            }
        }
        return (int)Math.Ceiling(words * 1.3) + cjk;
    }
}
