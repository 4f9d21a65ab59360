using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Scripts;

namespace PuoAiOps.Application.Scripts;

/// <summary>Checks shared by the editor and the importer, each with a message that says what to do.</summary>
internal static class ScriptInputRules
{
    /// <summary>Beyond any style rule: a body this long is refused outright rather than stored with a lint error.</summary>
    public const int HardMaxBodyLength = ScriptLinter.MaxAnalysedLength;

    public static readonly IReadOnlyList<string> EditorRoles = [Roles.Curator, Roles.Admin];
    public static readonly IReadOnlyList<string> ReviewerRoles = [Roles.Reviewer, Roles.Admin];

    public static void RequireRole(Actor actor, IReadOnlyList<string> roles, string what)
    {
        if (!roles.Any(actor.IsInRole)) throw new ForbiddenException($"Only {string.Join(" or ", roles)} may {what}.");
    }

    /// <summary>Problems with a draft's own content (no database needed).</summary>
    public static List<string> DraftProblems(DraftInput draft)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(draft.Body)) problems.Add("The script body is empty.");
        else if (draft.Body.Length > HardMaxBodyLength)
            problems.Add($"The script body is {draft.Body.Length} characters; at most {HardMaxBodyLength} can be stored.");
        problems.AddRange(ScriptVariable.Validate(draft.Variables ?? []));
        foreach (var link in draft.SopLinks ?? [])
            if (string.IsNullOrWhiteSpace(link) || link.Length > 200 || link.Any(char.IsWhiteSpace))
                problems.Add($"SOP link '{link}' is not valid: write the document's slug, optionally with '#section'.");
        return problems;
    }

    public static void ThrowIfAny(List<string> problems, string field = "body")
    {
        if (problems.Count > 0) throw new ValidationException(problems[0], new Dictionary<string, string[]> { [field] = [.. problems] });
    }

    public static void CheckLocaleAndChannel(string locale, string channel, List<string> problems)
    {
        if (!ScriptLocales.IsKnown(locale)) problems.Add($"Unknown locale '{locale}'; use one of: {string.Join(", ", ScriptLocales.All)}.");
        if (!ScriptChannels.IsKnown(channel)) problems.Add($"Unknown channel '{channel}'; use one of: {string.Join(", ", ScriptChannels.All)}.");
    }

    /// <summary>The intent a new script is for; an intent merged or deprecated away is refused with its successor named.</summary>
    public static async Task<(Intent? Intent, string? Problem)> ResolveIntentAsync(PuoDbContext db, string key, CancellationToken ct)
    {
        var intent = await db.Intents.AsNoTracking().SingleOrDefaultAsync(i => i.Key == key, ct);
        if (intent is null) return (null, $"Unknown intent '{key}'.");
        if (intent.Status != IntentStatus.Deprecated) return (intent, null);
        var successor = intent.ReplacedById is { } r ? await db.Intents.Where(i => i.Id == r).Select(i => i.Key).FirstOrDefaultAsync(ct) : null;
        return (null, successor is null
            ? $"Intent '{key}' is deprecated: scripts cannot be added to it."
            : $"Intent '{key}' was merged into '{successor}': write the script for '{successor}' instead.");
    }
}
