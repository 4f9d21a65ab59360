using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Knowledge.Ingestion;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Web.Tests.Bot;

/// <summary>
/// A console with two SOP sections (English and Chinese), an admin, and API keys: one ordinary, one
/// revoked, one with a budget of two requests per minute. No classifier serves: questions go to retrieval.
/// </summary>
public class BotApiFixture : TeamFixture
{
    public string Key { get; private set; } = "";
    public string RevokedKey { get; private set; } = "";
    public string TightKey { get; private set; } = "";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var actor = Actor.System("tests", Roles.Admin);
        Key = await WithServiceAsync<ApiKeyService, string>(async s => (await s.CreateAsync(actor, "app channel", Roles.Viewer)).Created!.Secret);
        TightKey = await WithServiceAsync<ApiKeyService, string>(async s => (await s.CreateAsync(actor, "tight", Roles.Viewer, 2)).Created!.Secret);
        RevokedKey = await WithServiceAsync<ApiKeyService, string>(async s =>
        {
            var created = (await s.CreateAsync(actor, "old", Roles.Viewer)).Created!;
            await s.RevokeAsync(actor, created.Key.Id);
            return created.Secret;
        });
        await IngestAsync("refunds.md", "---\ntitle: Coin refunds\n---\n# Coin refunds\n\n## Refund for unused coins\n\nUnused coins bought in the last 14 days can be refunded to the original payment method. Open Wallet > Purchases, choose the order and tap Request refund. The refund arrives within 5 business days.\n", "en");
        await IngestAsync("refunds-zh.md", "---\ntitle: 金币退款\n---\n# 金币退款\n\n## 未使用金币退款\n\n最近14天内购买且未使用的金币可以原路退款。打开钱包 > 购买记录，选择订单并点击申请退款，退款将在5个工作日内到账。\n", "zh-CN");
    }

    private Task<IngestResult> IngestAsync(string name, string text, string locale) =>
        WithServiceAsync<KnowledgeIngestionService, IngestResult>(s => s.IngestAsync(new DocumentUpload(name, Encoding.UTF8.GetBytes(text), "test:" + name, null, locale)));

    public HttpClient ApiClient(string? key)
    {
        var client = Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (key is not null) client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> PostAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body, TestContext.Current.CancellationToken);
        return (response.StatusCode, await ReadAsync(response), response);
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
