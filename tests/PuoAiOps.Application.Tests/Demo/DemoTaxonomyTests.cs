using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Microsoft.EntityFrameworkCore;

namespace PuoAiOps.Application.Tests.Demo;

[Collection(SeededDemoCollection.Name)]
public sealed class DemoTaxonomyTests(SeededDemoFixture fixture)
{
    [Fact]
    public async Task Seed_CreatesAtLeastSixDomainsAndFortyBilingualIntents()
    {
        await using var db = fixture.Database.Open();
        var domains = await db.Domains.ToListAsync(TestContext.Current.CancellationToken);
        var intents = await db.Intents.ToListAsync(TestContext.Current.CancellationToken);

        Assert.True(domains.Count >= 6, $"{domains.Count} domains");
        Assert.True(intents.Count >= 40, $"{intents.Count} intents");
        Assert.All(domains, d => Assert.True(d.IsDemo && d.Names.ContainsKey("en") && d.Names.ContainsKey("zh-CN")));
        Assert.All(intents, i =>
        {
            Assert.True(i.IsDemo);
            Assert.Equal(Persistence.Entities.IntentStatus.Active, i.Status);
            Assert.Matches("^[a-z]+(_[a-z]+)*$", i.Key);
            Assert.False(string.IsNullOrWhiteSpace(i.Names.GetValueOrDefault("en")), i.Key);
            Assert.False(string.IsNullOrWhiteSpace(i.Names.GetValueOrDefault("zh-CN")), i.Key);
            Assert.False(string.IsNullOrWhiteSpace(i.Description), i.Key);
            Assert.False(string.IsNullOrWhiteSpace(i.IncludeCriteria), i.Key);
            Assert.False(string.IsNullOrWhiteSpace(i.ExcludeCriteria), i.Key);
            Assert.True(i.Examples.Count >= 5, $"{i.Key} has {i.Examples.Count} examples");
            Assert.Contains(i.Examples, e => e.Any(Core.Text.TextNormalizer.IsCjk));
            Assert.Contains(i.Examples, e => !e.Any(Core.Text.TextNormalizer.IsCjk));
        });
    }

    [Fact]
    public async Task Seed_GuideRefsPointAtExistingSectionsOfTheAnnotationGuides()
    {
        await using var db = fixture.Database.Open();
        var intents = await db.Intents.ToListAsync(TestContext.Current.CancellationToken);
        var guides = Path.Combine(RepositoryRoot.Find(), "annotation-guides");
        Assert.True(File.Exists(Path.Combine(guides, "README.md")));

        var pipeline = new MarkdownPipelineBuilder().UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub).Build();
        var sections = new Dictionary<string, Dictionary<string, string>>();
        foreach (var intent in intents)
        {
            Assert.NotNull(intent.GuideRef);
            var parts = intent.GuideRef.Split('#');
            Assert.Equal(2, parts.Length);
            if (!sections.TryGetValue(parts[0], out var anchors))
            {
                var path = Path.Combine(guides, parts[0]);
                Assert.True(File.Exists(path), $"{intent.Key}: guide {parts[0]} is missing");
                sections[parts[0]] = anchors = SectionsByAnchor(File.ReadAllText(path), pipeline);
            }
            Assert.True(anchors.TryGetValue(parts[1], out var section), $"{intent.Key}: no '## ' section with anchor #{parts[1]} in {parts[0]}");
            Assert.Contains($"`{intent.Key}`", section, StringComparison.Ordinal);
        }
    }

    /// <summary>Level-2 headings by the anchor a GitHub-style renderer gives them, with the text up to the next one.</summary>
    private static Dictionary<string, string> SectionsByAnchor(string markdown, MarkdownPipeline pipeline)
    {
        var document = Markdown.Parse(markdown, pipeline);
        var headings = document.Descendants<HeadingBlock>().Where(h => h.Level == 2).ToList();
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < headings.Count; i++)
        {
            var end = i + 1 < headings.Count ? headings[i + 1].Span.Start : markdown.Length;
            result[headings[i].GetAttributes().Id!] = markdown[headings[i].Span.Start..end];
        }
        return result;
    }
}
