using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Tests.Demo;

[Collection(SeededDemoCollection.Name)]
public sealed class DemoContentTests(SeededDemoFixture fixture)
{
    [Fact]
    public async Task Seed_StoresTwentySopDocumentsChunkedByTheirSections()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = fixture.Database.Open();
        var documents = await db.Documents.Include(d => d.Chunks).ToListAsync(ct);

        Assert.Equal(20, documents.Select(d => d.Slug).Distinct().Count());
        Assert.All(documents, d => Assert.True(d.IsDemo && d.Status == DocumentStatus.Published));
        Assert.Contains(documents, d => d.Locale == "zh-CN");
        Assert.All(documents.GroupBy(d => d.Slug), g => Assert.Contains(g, d => d.Locale == "en"));
        foreach (var document in documents)
        {
            var sectionHeadings = document.Markdown.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Select(l => l[3..].Trim()).ToList();
            Assert.True(sectionHeadings.Count >= 3, $"{document.Slug} has {sectionHeadings.Count} sections");
            var chunkHeadings = document.Chunks.OrderBy(c => c.Ordinal).Select(c => c.Heading).ToList();
            Assert.Equal(sectionHeadings, chunkHeadings.Where(h => h != document.Title));
            Assert.All(document.Chunks, c => Assert.True(c.TokenCount > 0 && c.Text.Length > 0));
            Assert.DoesNotContain("---", document.Markdown.Split('\n')[0], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Seed_GivesEverySopDocumentADomainAnOwnerAndAReviewDate_SomeOverdue()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = fixture.Database.Open();
        var documents = await db.Documents.AsNoTracking().ToListAsync(ct);
        var domains = await db.Domains.Select(d => d.Key).ToListAsync(ct);
        var today = DateOnly.FromDateTime(SeededDemoFixture.Now); // the seed's own clock

        // "operations" (the escalation SOP) is not a taxonomy domain: it stays without one.
        Assert.All(documents.Where(d => !d.Tags.Contains("operations")), d => Assert.Contains(d.Domain, domains));
        Assert.True(documents.Select(d => d.Domain).Distinct().Count() >= 6, "the domain filter has choices");
        Assert.All(documents, d => Assert.False(string.IsNullOrEmpty(d.Owner)));
        Assert.True(documents.Select(d => d.Owner).Distinct().Count() >= 2, "the owner filter has choices");
        Assert.All(documents, d => Assert.NotNull(d.ReviewBy));
        var overdue = documents.Where(d => d.ReviewBy < today).Select(d => d.Slug).Distinct().ToList();
        Assert.InRange(overdue.Count, 1, 5);
    }

    [Fact]
    public async Task Seed_PublishesScriptsForAtLeastEightyPercentOfIntentsInBothLocales()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = fixture.Database.Open();
        var intentCount = await db.Intents.CountAsync(ct);
        var scripts = await db.Scripts.Include(s => s.Versions).ToListAsync(ct);

        var published = scripts.Where(s => s.PublishedVersionId is not null).ToList();
        var withBoth = published.GroupBy(s => s.IntentId).Count(g => g.Select(s => s.Locale).Distinct().Count() == 2);
        Assert.True(withBoth >= 0.8 * intentCount, $"{withBoth} of {intentCount} intents have published scripts in en and zh-CN");
        Assert.All(published, s =>
        {
            var version = Assert.Single(s.Versions, v => v.Id == s.PublishedVersionId);
            Assert.Equal(ScriptVersionStatus.Approved, version.Status);
            Assert.NotNull(version.ReviewerId);
            Assert.NotEqual(version.AuthorId, version.ReviewerId);
        });
        Assert.Contains(scripts, s => s.PublishedVersionId is null);
        Assert.Contains(scripts, s => s.Versions.Any(v => v.Status == ScriptVersionStatus.Draft));
        Assert.Contains(scripts, s => s.Versions.Any(v => v.Status == ScriptVersionStatus.InReview));
        Assert.Contains(scripts, s => s.Versions.Count >= 3);
        Assert.True(scripts.Count(s => s.Versions.Any(v => v.Body.Contains("{{user_name}}", StringComparison.Ordinal))) > scripts.Count / 2);
        Assert.All(scripts, s => Assert.Equal(Enumerable.Range(1, s.Versions.Count), s.Versions.OrderBy(v => v.CreatedAt).Select(v => v.Number)));
    }

    [Fact]
    public async Task Seed_CreatesAnAnnotationBatchInProgressWithGoldAndDisagreements()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = fixture.Database.Open();
        var batch = await db.Batches.Include(b => b.Items).Include(b => b.Annotators).SingleAsync(b => b.IsDemo, ct);
        var labels = await db.Labels.Where(l => batch.Items.Select(i => i.Id).Contains(l.ItemId)).ToListAsync(ct);

        Assert.Equal(2, batch.LabelsPerItem);
        Assert.Equal(0.1, batch.GoldShare, 3);
        Assert.Equal(BatchStatus.Open, batch.Status);
        Assert.InRange(batch.Items.Count, 180, 220);
        Assert.InRange(batch.Items.Count(i => i.IsGold), 15, 25);
        Assert.All(batch.Items.Where(i => i.IsGold), i => Assert.NotNull(i.GoldIntentId));
        Assert.Contains(batch.Items, i => i.Status == ItemStatus.NeedsAdjudication);
        Assert.Contains(batch.Items, i => i.Status == ItemStatus.Complete);
        Assert.Contains(batch.Items, i => i.Status == ItemStatus.Open && i.LabelCount == 1);
        Assert.All(batch.Items, i => Assert.Equal(i.LabelCount, labels.Count(l => l.ItemId == i.Id)));
        Assert.All(batch.Items.Where(i => i.Status == ItemStatus.NeedsAdjudication), i =>
        {
            var pair = labels.Where(l => l.ItemId == i.Id).ToList();
            Assert.False(pair[0].IntentId == pair[1].IntentId && pair[0].IntentId is not null);
        });

        Assert.Equal(2, batch.Annotators.Count);
        var annotatorIds = batch.Annotators.Select(a => a.UserId).ToList();
        var annotators = await db.Users.Where(u => annotatorIds.Contains(u.Id)).ToListAsync(ct);
        Assert.All(annotators, u => Assert.True(u.IsDemo && u.PasswordHash is null));
        var annotatorRole = await db.Roles.SingleAsync(r => r.Name == Roles.Annotator, ct);
        Assert.Equal(2, await db.UserRoles.CountAsync(ur => annotatorIds.Contains(ur.UserId) && ur.RoleId == annotatorRole.Id, ct));
        Assert.Equal(Roles.All.Count, await db.Roles.CountAsync(ct));
        Assert.All(labels, l => Assert.Contains(l.UserId, annotatorIds));
    }

    [Fact]
    public async Task Seed_GivesMostBatchQuestionsAUserWithOtherQuestions_ForTheLabelingContext()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = fixture.Database.Open();
        var batchQuestions = await db.Items.Where(i => db.Batches.Any(b => b.Id == i.BatchId && b.IsDemo))
            .Join(db.Questions, i => i.QuestionId, q => q.Id, (_, q) => q.UserRef).ToListAsync(ct);
        var questionsPerUser = await db.Questions.Where(q => q.IsDemo).GroupBy(q => q.UserRef)
            .Select(g => new { User = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.User!, g => g.Count, ct);

        Assert.All(batchQuestions, u => Assert.False(string.IsNullOrEmpty(u)));
        var withOthers = batchQuestions.Count(u => questionsPerUser[u!] > 1);
        Assert.InRange(withOthers / (double)batchQuestions.Count, 0.5, 0.95);
    }
}
