using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Questions;
using PuoAiOps.Application.Tests.Infrastructure;

namespace PuoAiOps.Application.Tests.Questions;

/// <summary>The question list's filters and order, as the console's table asks for them.</summary>
public sealed class QuestionBrowserTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task List_FiltersByLabelSourceAndLocale_NewestFirstUnlessAsked()
    {
        await using var ws = await TempWorkspace.CreateAsync();
        await using var db = ws.NewContext();
        db.Questions.AddRange(
            new Question { Text = "filter one", TextHash = "f1", Source = "filter-src", Locale = "en" },
            new Question { Text = "filter two", TextHash = "f2", Source = "filter-src", Locale = "zh-CN", FinalOutOfScope = true },
            new Question { Text = "other", TextHash = "o1", Source = "elsewhere", Locale = "en" });
        await db.SaveChangesAsync(Ct);
        var browser = new QuestionBrowser(db);

        async Task<string[]> Texts(QuestionQuery query) => (await browser.ListAsync(query, Ct)).Rows.Select(r => r.Text).ToArray();
        Assert.Equal(["filter two", "filter one"], await Texts(new QuestionQuery(Source: "filter-src")));
        Assert.Equal(["filter one", "filter two"], await Texts(new QuestionQuery(Source: "filter-src", OldestFirst: true)));
        Assert.Equal(["filter two"], await Texts(new QuestionQuery(Source: "filter-src", Labeled: true)));
        Assert.Equal(["filter one"], await Texts(new QuestionQuery(Source: "filter-src", Labeled: false)));
        Assert.Equal(["filter two"], await Texts(new QuestionQuery(Source: "filter-src", Locale: "zh-CN")));
        var page = await browser.ListAsync(new QuestionQuery(Page: 2, PageSize: 2), Ct);
        Assert.Equal((3, 2), (page.Total, page.Page));
        Assert.Equal(["filter one"], page.Rows.Select(r => r.Text));
    }
}
