using PuoAiOps.Application.Demo.Content;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Scripts;

namespace PuoAiOps.Application.Demo.Generation;

/// <summary>
/// Reply scripts with a believable history: the first approval before the 90-day window, later
/// approvals inside it (so dashboards can compare script versions), and some newer versions still
/// in draft, in review or rejected.
/// </summary>
internal static class ScriptBuilder
{
    public static ScriptTimeline Build(DemoContent content, DemoTaxonomy taxonomy, DemoDataSet set, DemoIds ids, DemoRandom random, DateTime now)
    {
        var timeline = new ScriptTimeline();
        for (var index = 0; index < content.Scripts.Count; index++)
        {
            var spec = content.Scripts[index];
            var intent = taxonomy[spec.Intent];
            foreach (var locale in DemoLocales.All)
            {
                var script = NewScript(intent, locale, ScriptChannels.Im, set, ids);

                var number = 0;
                ReplyScriptVersion Add(string body, ScriptVersionStatus status, DateTime createdAt)
                {
                    var version = NewVersion(script, ++number, body, status, createdAt, intent, ids);
                    set.ScriptVersions.Add(version);
                    return version;
                }

                if (spec.DraftOnly)
                {
                    Add(spec.Body(locale), ScriptVersionStatus.Draft, now.AddDays(-random.Between(2, 9)));
                    continue;
                }

                // Approved bodies oldest first; the last one is the one served today.
                var approved = spec.History.GetValueOrDefault(locale, []).Select(b => b.Trim()).Append(spec.Body(locale)).ToList();
                var dates = ApprovalDates(approved.Count, index, now);
                for (var i = 0; i < approved.Count; i++)
                {
                    var isCurrent = i == approved.Count - 1;
                    var version = Add(approved[i], isCurrent ? ScriptVersionStatus.Approved : ScriptVersionStatus.Retired, dates[i].AddDays(-random.Between(1, 4)));
                    version.ReviewerId = DemoUsers.Reviewer;
                    version.ReviewedAt = dates[i];
                    timeline.Add(intent.Entity.Id, locale, dates[i], version);
                    if (isCurrent) script.PublishedVersionId = version.Id;
                }

                // Every fourth intent also has an e-mail script that repeats the chat text with a
                // sign-off: the near-duplicate finder flags these pairs in the demo. The first of them is
                // retired (that case is answered in chat only now), so the library shows a retired script.
                if (index % 4 == 0)
                {
                    var retired = index == 0;
                    var email = NewScript(intent, locale, ScriptChannels.Email, set, ids);
                    var closing = StyleRuleDefaults.For(locale, ScriptChannels.Email).ClosingTemplate;
                    var body = spec.Body(locale) + (locale == DemoLocales.Chinese ? "" : "\n") + closing;
                    var version = NewVersion(email, 1, body, retired ? ScriptVersionStatus.Retired : ScriptVersionStatus.Approved, dates[^1].AddDays(-2), intent, ids);
                    (version.ReviewerId, version.ReviewedAt) = (DemoUsers.Reviewer, dates[^1]);
                    if (!retired) email.PublishedVersionId = version.Id;
                    set.ScriptVersions.Add(version);
                }

                if (spec.Pending is { } pending)
                {
                    var status = Enum.Parse<ScriptVersionStatus>(pending.Status);
                    var version = Add(pending.Body(locale), status, now.AddDays(-random.Between(1, 6)));
                    if (status == ScriptVersionStatus.Rejected)
                    {
                        version.ReviewerId = DemoUsers.Reviewer;
                        version.ReviewedAt = version.CreatedAt.AddHours(random.Between(2, 20));
                        version.ReviewNote = pending.Note;
                    }
                }
            }
        }
        return timeline;
    }

    private static ReplyScript NewScript(DemoIntent intent, string locale, string channel, DemoDataSet set, DemoIds ids)
    {
        var script = new ReplyScript
        {
            Id = ids.Next<ReplyScript>(),
            IntentId = intent.Entity.Id,
            Locale = locale,
            Channel = channel,
            Title = intent.Spec.Names[locale],
            Tags = [intent.Domain.Key],
            OwnerId = DemoUsers.Curator,
            IsDemo = true,
        };
        set.Scripts.Add(script);
        return script;
    }

    /// <summary>Variables declared from the placeholders the text uses; SOP link from the intent's SOP document.</summary>
    private static ReplyScriptVersion NewVersion(ReplyScript script, int number, string body, ScriptVersionStatus status, DateTime createdAt, DemoIntent intent, DemoIds ids) => new()
    {
        Id = ids.Next<ReplyScriptVersion>(),
        ScriptId = script.Id,
        Number = number,
        Body = body,
        Variables = ScriptPlaceholders.Names(body).Select(n => new ScriptVariable(n, n == "coins" ? ScriptVariableType.Number : ScriptVariableType.Text)).ToList(),
        SopLinks = intent.Spec.Sop is { } sop ? [sop] : [],
        Status = status,
        AuthorId = DemoUsers.Curator,
        UpdatedById = DemoUsers.Curator,
        CreatedAt = createdAt,
        UpdatedAt = createdAt,
    };

    /// <summary>First approval well before the window; a current version replacing it lands 30-45 days ago.</summary>
    private static DateTime[] ApprovalDates(int count, int index, DateTime now)
    {
        var dates = new DateTime[count];
        dates[0] = now.AddDays(-150 - index % 40);
        if (count >= 2) dates[count - 1] = now.AddDays(-30 - index % 16);
        if (count >= 3) dates[count - 2] = now.AddDays(-68 - index % 10);
        return dates;
    }
}

/// <summary>Which approved script version the bot served for an intent and locale at a given time.</summary>
internal sealed class ScriptTimeline
{
    private readonly Dictionary<(int IntentId, string Locale), List<(DateTime From, ReplyScriptVersion Version)>> _entries = [];

    public void Add(int intentId, string locale, DateTime from, ReplyScriptVersion version)
    {
        if (!_entries.TryGetValue((intentId, locale), out var list)) _entries[(intentId, locale)] = list = [];
        list.Add((from, version));
    }

    public ReplyScriptVersion? ServedAt(int intentId, string locale, DateTime at)
    {
        if (!_entries.TryGetValue((intentId, locale), out var list)) return null;
        ReplyScriptVersion? served = null;
        foreach (var (from, version) in list)
            if (from <= at) served = version;
        return served;
    }
}
