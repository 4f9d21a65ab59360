using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Scripts;

/// <summary>Audit entries for script changes. Details name ids, numbers and states, never body text.</summary>
internal static class ScriptAudit
{
    public static AuditEntry Entry(Actor actor, string action, string entityType, string? entityId, string? detail) => new()
    {
        At = DateTime.UtcNow,
        ActorId = actor.UserId,
        ActorName = actor.DisplayName,
        Action = action,
        EntityType = entityType,
        EntityId = entityId,
        Detail = detail,
    };

    public static AuditEntry Version(Actor actor, string action, ReplyScript script, ReplyScriptVersion version, string? extra = null) =>
        Entry(actor, action, "ReplyScript", script.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"v{version.Number} ({script.Locale}/{script.Channel}) {version.Status}{(extra is null ? "" : "; " + extra)}");
}
