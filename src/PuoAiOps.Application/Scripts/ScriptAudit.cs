using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Scripts;

/// <summary>Audit entries for script changes. Details name ids, numbers and states, never body text.</summary>
internal static class ScriptAudit
{
    public static AuditEntry Entry(Actor actor, string action, string entityType, string? entityId, CodedMessage detail) => new AuditEntry
    {
        At = DateTime.UtcNow,
        ActorId = actor.UserId,
        ActorName = actor.DisplayName,
        Action = action,
        EntityType = entityType,
        EntityId = entityId,
    }.WithDetail(detail);

    /// <summary>A version's number, locale/channel and status (a coded word), and what else happened (<paramref name="extra"/>).</summary>
    public static AuditEntry Version(Actor actor, string action, ReplyScript script, ReplyScriptVersion version, CodedMessage? extra = null) =>
        Entry(actor, action, "ReplyScript", Id(script.Id), extra is null
            ? CodedMessage.Of(AuditDetail.ScriptVersion, version.Number, script.Locale, script.Channel, ScriptInputRules.StatusWord(version.Status))
            : CodedMessage.Of(AuditDetail.ScriptVersionWith, version.Number, script.Locale, script.Channel, ScriptInputRules.StatusWord(version.Status), extra));

    public static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
