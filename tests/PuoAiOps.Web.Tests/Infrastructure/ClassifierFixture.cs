using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PuoAiOps.Application.Classification.Registry;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Classification;
using PuoAiOps.Core.Text;

namespace PuoAiOps.Web.Tests.Infrastructure;

/// <summary>
/// A team workspace with a small taxonomy, labeled and unlabeled questions, and two trained offline
/// versions: <see cref="Baseline"/> (serving, trained on a third of the labels) and <see cref="Candidate"/>.
/// </summary>
public class ClassifierFixture : TeamFixture
{
    private static readonly Dictionary<string, string[]> Phrases = new(StringComparer.Ordinal)
    {
        ["recharge_not_credited"] = ["paid but my coins never arrived", "recharge done yet coin balance unchanged", "bought diamonds and they are missing", "充值成功但金币没到账"],
        ["payout_delayed"] = ["my streamer payout has not arrived", "withdrawal of earnings still pending", "when will my income reach the bank", "提现一直没有到账"],
        ["stream_lag"] = ["my live stream keeps buffering", "viewers say the broadcast lags", "video freezes while I am live", "直播一直卡顿"],
        ["account_locked"] = ["my account got locked after login attempts", "cannot log in, account is frozen", "the app says my account is suspended", "账号被冻结了"],
    };

    private static readonly string[] Openers = ["", "hi, ", "hello, ", "please help: ", "urgent: "];
    private static readonly string[] Closers = ["", " thanks", " please", " asap", " since yesterday", " again"];

    public ModelVersionSummary Baseline { get; private set; } = default!;
    public ModelVersionSummary Candidate { get; private set; } = default!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using (var scope = Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PuoDbContext>();
            var domain = new IntentDomain { Key = "support", Names = new() { ["en"] = "Support" } };
            db.Domains.Add(domain);
            await db.SaveChangesAsync();
            var n = 0;
            foreach (var (key, phrases) in Phrases)
            {
                var intent = new Intent { DomainId = domain.Id, Key = key, Names = new() { ["en"] = char.ToUpperInvariant(key[0]) + key[1..].Replace('_', ' ') } };
                db.Intents.Add(intent);
                await db.SaveChangesAsync();
                for (var i = 0; i < 30; i++)
                    db.Questions.Add(Question(Openers[i % Openers.Length] + phrases[i % phrases.Length] + Closers[i / phrases.Length % Closers.Length] + $" #{n++}",
                        i < 24 ? intent.Id : null));
            }
            foreach (var text in new[] { "what is the weather", "tell me a joke", "who won the match", "recommend a pizza place", "how to cook rice", "write a poem", "what time is it", "best phone to buy" })
                db.Questions.Add(Question(text, null, outOfScope: true));
            await db.SaveChangesAsync();
        }

        var curator = Actor.User(Users[Roles.Curator].Id, Users[Roles.Curator].DisplayName, Roles.Curator);
        var reviewer = Actor.User(Users[Roles.Reviewer].Id, Users[Roles.Reviewer].DisplayName, Roles.Reviewer);
        Baseline = await WithServiceAsync<ModelTrainingService, ModelVersionSummary>(s => s.TrainAsync(
            new TrainRequest { Name = "small", Split = new() { TrainingShare = 0.3 }, Trainer = new TrainerOptions { C = 0.3f } }, curator));
        Candidate = await WithServiceAsync<ModelTrainingService, ModelVersionSummary>(s => s.TrainAsync(new TrainRequest { Name = "full" }, curator));
        Baseline = await WithServiceAsync<ModelRegistry, ModelVersionSummary>(r => r.PromoteAsync(Baseline.Id, reviewer));
    }

    public Task<long?> ServingIdAsync() => WithDbAsync(db => db.ModelVersions.Where(m => m.IsServing).Select(m => (long?)m.Id).SingleOrDefaultAsync());

    private static Question Question(string text, int? intentId, bool outOfScope = false) => new()
    {
        Text = text,
        TextHash = TextNormalizer.Hash(text),
        FinalIntentId = intentId,
        FinalOutOfScope = outOfScope,
        FinalLabelSource = intentId is null && !outOfScope ? null : "consensus",
    };
}
