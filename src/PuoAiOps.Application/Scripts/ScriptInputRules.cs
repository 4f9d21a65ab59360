using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;
using PuoAiOps.Core.Scripts;

namespace PuoAiOps.Application.Scripts;

/// <summary>Checks shared by the editor and the importer, each with a coded message that says what to do.</summary>
internal static class ScriptInputRules
{
    /// <summary>Beyond any style rule: a body this long is refused outright rather than stored with a lint error.</summary>
    public const int HardMaxBodyLength = ScriptLinter.MaxAnalysedLength;

    public static readonly IReadOnlyList<string> EditorRoles = [Roles.Curator, Roles.Admin];
    public static readonly IReadOnlyList<string> ReviewerRoles = [Roles.Reviewer, Roles.Admin];

    /// <summary>Refuses with <paramref name="refusal"/> (which names the roles) unless the actor has one of <paramref name="roles"/>.</summary>
    public static void RequireRole(Actor actor, IReadOnlyList<string> roles, ScriptRefusal refusal)
    {
        if (!roles.Any(actor.IsInRole)) throw new ForbiddenException(CodedMessage.Of(refusal));
    }

    /// <summary>Problems with a draft's own content (no database needed).</summary>
    public static List<CodedMessage> DraftProblems(DraftInput draft)
    {
        var problems = new List<CodedMessage>();
        if (string.IsNullOrWhiteSpace(draft.Body)) problems.Add(CodedMessage.Of(ScriptRefusal.BodyEmpty));
        else if (draft.Body.Length > HardMaxBodyLength)
            problems.Add(CodedMessage.Of(ScriptRefusal.BodyTooLong, draft.Body.Length, HardMaxBodyLength));
        problems.AddRange(ScriptVariable.Problems(draft.Variables ?? []));
        foreach (var link in draft.SopLinks ?? [])
            if (string.IsNullOrWhiteSpace(link) || link.Length > 200 || link.Any(char.IsWhiteSpace))
                problems.Add(CodedMessage.Of(ScriptRefusal.SopLinkInvalid, link));
        return problems;
    }

    /// <summary>Refuses with every problem under <paramref name="field"/>, codes kept so the console words them.</summary>
    public static void ThrowIfAny(List<CodedMessage> problems, string field = "body")
    {
        if (problems.Count == 0) return;
        ValidationException.ThrowIfAny(new Dictionary<string, List<(string Text, CodedMessage? Code)>>
        {
            [field] = [.. problems.Select(p => (p.English, (CodedMessage?)p))],
        });
    }

    public static void CheckLocaleAndChannel(string locale, string channel, List<CodedMessage> problems)
    {
        if (LocaleProblem(locale) is { } l) problems.Add(l);
        if (ChannelProblem(channel) is { } c) problems.Add(c);
    }

    public static CodedMessage? LocaleProblem(string locale) =>
        ScriptLocales.IsKnown(locale) ? null : CodedMessage.Of(ScriptRefusal.UnknownLocale, locale, string.Join(", ", ScriptLocales.All));

    public static CodedMessage? ChannelProblem(string channel) =>
        ScriptChannels.IsKnown(channel) ? null : CodedMessage.Of(ScriptRefusal.UnknownChannel, channel, string.Join(", ", ScriptChannels.All));

    /// <summary>A version status as a word the console translates (a coded argument of another refusal).</summary>
    public static CodedMessage StatusWord(ScriptVersionStatus status) => CodedMessage.Of(status switch
    {
        ScriptVersionStatus.Draft => ScriptRefusal.StatusDraft,
        ScriptVersionStatus.InReview => ScriptRefusal.StatusInReview,
        ScriptVersionStatus.Approved => ScriptRefusal.StatusApproved,
        ScriptVersionStatus.Rejected => ScriptRefusal.StatusRejected,
        _ => ScriptRefusal.StatusRetired,
    });

    /// <summary>The intent a new script is for; an intent merged or deprecated away is refused with its successor named.</summary>
    public static async Task<(Intent? Intent, CodedMessage? Problem)> ResolveIntentAsync(PuoDbContext db, string key, CancellationToken ct)
    {
        var intent = await db.Intents.AsNoTracking().SingleOrDefaultAsync(i => i.Key == key, ct);
        if (intent is null) return (null, CodedMessage.Of(ScriptRefusal.UnknownIntent, key));
        if (intent.Status != IntentStatus.Deprecated) return (intent, null);
        var successor = intent.ReplacedById is { } r ? await db.Intents.Where(i => i.Id == r).Select(i => i.Key).FirstOrDefaultAsync(ct) : null;
        return (null, successor is null
            ? CodedMessage.Of(ScriptRefusal.IntentDeprecated, key)
            : CodedMessage.Of(ScriptRefusal.IntentMerged, key, successor));
    }
}
