using System.Net.Http.Json;
using System.Text.Json;
using PuoAiOps.Application.Annotation;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Web.Tests.Annotation;

/// <summary>/api/v1/annotation with the session cookie: JSON in and out, antiforgery on every POST, problem details on failure.</summary>
public sealed class AnnotationApiTests(AnnotationFixture team) : IClassFixture<AnnotationFixture>
{
    public static async Task<string> TokenAsync(ConsoleClient client)
    {
        using var response = await client.GetAsync("/api/v1/antiforgery", "application/json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("X-CSRF-TOKEN", json.RootElement.GetProperty("headerName").GetString());
        return json.RootElement.GetProperty("token").GetString()!;
    }

    public static async Task<HttpResponseMessage> PostJsonAsync(ConsoleClient client, string url, object? body, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Accept.ParseAdd("application/json");
        if (token is not null) request.Headers.Add("X-CSRF-TOKEN", token);
        return await client.Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task NextAndSubmitAndNext_WorkAsJson()
    {
        var batch = await team.NewBatchAsync(2, [team.Users[Roles.Annotator].Id]);
        using var client = await team.SignInAsAsync(Roles.Annotator);
        var token = await TokenAsync(client);

        using var next = await PostJsonAsync(client, $"/api/v1/annotation/batches/{batch.Id}/next", null, token);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        using var item = JsonDocument.Parse(await next.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var itemId = item.RootElement.GetProperty("itemId").GetInt64();
        Assert.False(item.RootElement.TryGetProperty("isGold", out _));

        using var submitted = await PostJsonAsync(client, $"/api/v1/annotation/batches/{batch.Id}/submit-and-next",
            new { itemId, intentId = team.Intents["refund_request"], durationMs = 1500 }, token);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        using var result = JsonDocument.Parse(await submitted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(itemId, result.RootElement.GetProperty("submitted").GetProperty("itemId").GetInt64());
        Assert.NotEqual(itemId, result.RootElement.GetProperty("next").GetProperty("itemId").GetInt64());
        Assert.Single(await team.LabelsAsync(batch.Id));

        using var batches = await client.GetAsync("/api/v1/annotation/batches", "application/json");
        using var list = JsonDocument.Parse(await batches.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var mine = list.RootElement.EnumerateArray().Single(b => b.GetProperty("id").GetInt64() == batch.Id);
        Assert.Equal("Open", mine.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Post_WithoutToken_Is400_AndFailuresAreProblemDetails()
    {
        var batch = await team.NewBatchAsync(1, [team.Users[Roles.Annotator].Id]);
        using var client = await team.SignInAsAsync(Roles.Annotator);
        using (var noToken = await PostJsonAsync(client, $"/api/v1/annotation/batches/{batch.Id}/next", null, token: null))
            Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        var token = await TokenAsync(client);

        using var skip = await PostJsonAsync(client, $"/api/v1/annotation/batches/{batch.Id}/skip", new { itemId = (await team.ItemsAsync(batch.Id))[0].Id, reason = "" }, token);
        Assert.Equal(HttpStatusCode.BadRequest, skip.StatusCode);
        Assert.Equal("application/problem+json", skip.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await skip.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("a reason is required", problem.RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);
        // The refusal's code for clients, its English wording as the detail.
        Assert.Equal("SkipReasonRequired", problem.RootElement.GetProperty("code").GetString());
        Assert.Equal("Say why you skip this item: a reason is required.", problem.RootElement.GetProperty("detail").GetString());

        using var unknown = await PostJsonAsync(client, "/api/v1/annotation/batches/987654/next", null, token);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        using var reviewer = await team.SignInAsAsync(Roles.Reviewer);
        using var forbidden = await PostJsonAsync(reviewer, $"/api/v1/annotation/batches/{batch.Id}/next", null, await TokenAsync(reviewer));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task Reviewer_ListsAndDecidesDisagreements_AndCreatesABatch_OverTheApi()
    {
        var batch = await team.NewBatchAsync(1, labelsPerItem: 2);
        await team.LabelNextAsync(batch.Id, team.Users[Roles.Annotator].Id, LabelInput.ForIntent(team.Intents["refund_request"]));
        await team.LabelNextAsync(batch.Id, team.SecondAnnotator.Id, LabelInput.ForOutOfScope());
        using var client = await team.SignInAsAsync(Roles.Reviewer);
        var token = await TokenAsync(client);

        using var queue = await client.GetAsync($"/api/v1/annotation/adjudication?batchId={batch.Id}", "application/json");
        using var page = JsonDocument.Parse(await queue.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, page.RootElement.GetProperty("total").GetInt32());
        var item = page.RootElement.GetProperty("items")[0];
        Assert.Equal(2, item.GetProperty("labels").GetArrayLength());
        var itemId = item.GetProperty("itemId").GetInt64();

        using (var noReason = await PostJsonAsync(client, $"/api/v1/annotation/adjudication/{itemId}", new { intentId = team.Intents["refund_request"], outOfScope = false, reason = "" }, token))
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        using (var decided = await PostJsonAsync(client, $"/api/v1/annotation/adjudication/{itemId}", new { intentId = team.Intents["refund_request"], outOfScope = false, reason = "Asks for the money back." }, token))
            Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        using (var again = await PostJsonAsync(client, $"/api/v1/annotation/adjudication/{itemId}", new { outOfScope = true, reason = "second try" }, token))
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var source = await team.AddQuestionsAsync(3);
        using var created = await PostJsonAsync(client, "/api/v1/annotation/batches", new
        {
            name = "From a script",
            filter = new { source },
            labelsPerItem = 1,
            annotatorIds = new[] { team.Users[Roles.Annotator].Id },
            order = "MostUncertainFirst",
        }, token);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var summary = JsonDocument.Parse(await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(3, summary.RootElement.GetProperty("progress").GetProperty("items").GetInt32());
        Assert.Equal("MostUncertainFirst", summary.RootElement.GetProperty("order").GetString());

        using var form = await client.Http.PostAsync("/api/v1/annotation/batches", new StringContent("name=x"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode); // no antiforgery token: refused before anything else
    }
}
