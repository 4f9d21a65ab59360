using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Classification.Registry;

/// <summary>Audit actions of the classifier registry.</summary>
public static class ModelAudit
{
    public const string Entity = "ModelVersion";
    public const string Trained = "classifier.trained";
    public const string LlmEvaluated = "classifier.llm-evaluated";
    public const string Promoted = "classifier.promoted";
    public const string RolledBack = "classifier.rolled-back";
    public const string CrossValidated = "classifier.cross-validated";
    public const string BatchClassified = "classifier.batch-classified";

    public static AuditEntry Entry(Actor actor, string action, long? versionId, CodedMessage detail, DateTime at) => new AuditEntry
    {
        At = at,
        ActorId = actor.UserId,
        ActorName = actor.DisplayName,
        Action = action,
        EntityType = Entity,
        EntityId = versionId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.WithDetail(detail);
}
