using PuoAiOps.Application.Annotation;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Web.Tests.Annotation;

/// <summary>The labeling page shows each question with its context: the user, and the conversation or the user's other questions.</summary>
public sealed class QuestionContextTests(AnnotationFixture team) : IClassFixture<AnnotationFixture>
{
    private static readonly DateTime AskedAt = new(2025, 3, 4, 9, 30, 0, DateTimeKind.Utc);

    private string AnnotatorId => team.Users[Roles.Annotator].Id;

    [Fact]
    public async Task LabelPage_ShowsTheConversationTurnsAroundTheQuestion()
    {
        var user = "u_" + Guid.NewGuid().ToString("N")[..8];
        var text = "my recharge of 60 coins never arrived " + Guid.NewGuid().ToString("N")[..6];
        await team.WithDbAsync(db =>
        {
            db.Conversations.Add(new Conversation
            {
                UserRef = user, StartedAt = AskedAt.AddMinutes(-2),
                Turns =
                [
                    new Turn { Ordinal = 0, Role = TurnRole.User, Text = "hi, anyone there?", CreatedAt = AskedAt.AddMinutes(-2) },
                    new Turn { Ordinal = 1, Role = TurnRole.Bot, Text = "Hello! How can I help?", CreatedAt = AskedAt.AddMinutes(-1) },
                    new Turn { Ordinal = 2, Role = TurnRole.User, Text = text, CreatedAt = AskedAt },
                    new Turn { Ordinal = 3, Role = TurnRole.Bot, Text = "Please send the order number.", CreatedAt = AskedAt.AddMinutes(1) },
                ],
            });
            return db.SaveChangesAsync();
        });
        var batch = await team.NewBatchAsync(1, [AnnotatorId], shape: (_, q) => { q.Text = text; q.UserRef = user; q.CreatedAt = AskedAt; });

        var context = await OpenContextAsync(batch);

        Assert.Contains(user, context.TextContent, StringComparison.Ordinal);
        var turns = context.QuerySelectorAll("[data-testid=context-turns] li");
        Assert.Equal(["User", "Bot", "User", "Bot"], turns.Select(t => t.GetAttribute("data-role")));
        Assert.Contains("Please send the order number.", turns[3].TextContent, StringComparison.Ordinal);
        Assert.Contains("is-question", turns[2].ClassList);
        Assert.Contains(text, turns[2].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LabelPage_WithoutAConversation_ShowsTheUsersQuestionsBeforeAndAfter()
    {
        var user = "u_" + Guid.NewGuid().ToString("N")[..8];
        var tag = Guid.NewGuid().ToString("N")[..6];
        await team.AddQuestionsAsync(3, (i, q) =>
        {
            q.UserRef = user;
            q.Text = i switch { 1 => $"how do I top up {tag}", 2 => $"top up failed twice {tag}", _ => $"thanks it works now {tag}" };
            q.CreatedAt = i switch { 1 => AskedAt.AddDays(-2), 2 => AskedAt.AddMinutes(-20), _ => AskedAt.AddHours(3) };
        });
        var batch = await team.NewBatchAsync(1, [AnnotatorId], shape: (_, q) => { q.UserRef = user; q.CreatedAt = AskedAt; });

        var context = await OpenContextAsync(batch);

        Assert.Contains("4 questions from this user", context.TextContent, StringComparison.Ordinal);
        var rows = context.QuerySelectorAll("[data-testid=context-questions] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(4, rows.Count);
        Assert.StartsWith("2 d before", rows[0], StringComparison.Ordinal);
        Assert.Contains($"how do I top up {tag}", rows[0], StringComparison.Ordinal);
        Assert.StartsWith("20 min before", rows[1], StringComparison.Ordinal);
        Assert.StartsWith("this question", rows[2], StringComparison.Ordinal);
        Assert.StartsWith("3 h after", rows[3], StringComparison.Ordinal);
        Assert.Empty(context.QuerySelectorAll("[data-testid=context-turns]"));
    }

    [Fact]
    public async Task LabelPage_ShowsNoContextForAQuestionWithoutAUser()
    {
        var batch = await team.NewBatchAsync(1, [AnnotatorId]);
        using var client = await team.SignInAsAsync(Roles.Annotator);

        var page = await client.GetPageAsync($"/annotate/batches/{batch.Id}/label");

        Assert.NotNull(page.Document.QuerySelector("[data-testid=question-text]"));
        Assert.Null(page.Document.QuerySelector("[data-testid=question-context]"));
    }

    private async Task<AngleSharp.Dom.IElement> OpenContextAsync(BatchSummary batch)
    {
        using var client = await team.SignInAsAsync(Roles.Annotator);
        var page = await client.GetPageAsync($"/annotate/batches/{batch.Id}/label");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return page.Document.QuerySelector("#item-panel [data-testid=question-context]") ?? throw new InvalidOperationException("no context on the page");
    }
}
