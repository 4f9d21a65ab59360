using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Taxonomy.Changes;

namespace PuoAiOps.Web.Tests.Taxonomy;

/// <summary>A team plus a small approved taxonomy: two domains, four intents (one linked to a real guide section).</summary>
public sealed class TaxonomyFixture : TeamFixture
{
    public const string RechargeGuide = "payments.md#recharge-not-credited";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await AddIntentAsync("payments", "recharge_not_credited", "Recharge not credited", "充值未到账", RechargeGuide,
            domainNames: ("Payments & recharge", "支付与充值"));
        await AddIntentAsync("payments", "payment_failed", "Payment failed", "支付失败");
        await AddIntentAsync("account", "account_locked", "Account locked", "账号被锁", domainNames: ("Account & login", "账号与登录"));
        await AddIntentAsync("account", "password_reset", "Password reset", "重置密码");
    }

    public Actor CuratorActor => Actor.User(Users[Roles.Curator].Id, "Test Curator", Roles.Curator);

    public Actor ReviewerActor => Actor.User(Users[Roles.Reviewer].Id, "Test Reviewer", Roles.Reviewer);

    /// <summary>Proposes and approves an intent through the services (not the UI); returns its id.</summary>
    public async Task<int> AddIntentAsync(string domain, string key, string english, string chinese, string? guideRef = null,
        (string English, string Chinese)? domainNames = null)
    {
        var payload = new AddIntentPayload
        {
            DomainKey = domain,
            NewDomain = domainNames is { } names ? new NewDomain { Key = domain, Names = new() { ["en"] = names.English, ["zh-CN"] = names.Chinese } } : null,
            Intent = new IntentDraft
            {
                Key = key,
                Names = new() { ["en"] = english, ["zh-CN"] = chinese },
                Description = $"The user asks about {english.ToLowerInvariant()}.",
                Examples = [$"example for {key}"],
                GuideRef = guideRef,
            },
        };
        var change = await WithServiceAsync<TaxonomyChangeService, ChangeView>(s => s.ProposeAddAsync(payload, CuratorActor));
        await WithServiceAsync<TaxonomyChangeService, ChangeView>(s => s.ApproveAsync(change.Id, ReviewerActor));
        return await IntentIdAsync(key);
    }

    public Task<int> IntentIdAsync(string key) => WithDbAsync(db => Task.FromResult(db.Intents.Single(i => i.Key == key).Id));

    /// <summary>Stores questions with a final label on the intent (as adjudication would).</summary>
    public Task<int> LabelQuestionsAsync(int intentId, params string[] texts) => WithDbAsync(async db =>
    {
        foreach (var text in texts)
            db.Questions.Add(new Question { Text = text, TextHash = Guid.NewGuid().ToString("N"), FinalIntentId = intentId, Locale = "en" });
        return await db.SaveChangesAsync();
    });
}
