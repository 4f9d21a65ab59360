using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Classification.Registry;

/// <summary>Stores a new version and its audit entry together (one short transaction, after all the slow work).</summary>
internal static class VersionWriter
{
    public static async Task<ModelVersion> StoreAsync(PuoDbContext db, ModelVersion version, Actor actor, string action, CodedMessage detail, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ModelVersions.Add(version);
        await db.SaveChangesAsync(ct);
        db.AuditLog.Add(ModelAudit.Entry(actor, action, version.Id, detail, version.TrainedAt));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.Entry(version).State = EntityState.Detached;
        return version;
    }
}

/// <summary>Default version names: offline-1, offline-2, llm-1 …</summary>
internal static class VersionNames
{
    public static async Task<string> NextAsync(PuoDbContext db, ModelKind kind, CancellationToken ct)
    {
        var count = await db.ModelVersions.CountAsync(m => m.Kind == kind, ct);
        return $"{(kind == ModelKind.Offline ? "offline" : "llm")}-{count + 1}";
    }
}

/// <summary>Refusals before any work starts, worded for the person who pressed Train.</summary>
internal static class TrainingGuard
{
    public static void EnsureEnough(Data.TrainingData data, int minimum)
    {
        if (data.Questions.Count < minimum)
            throw new ValidationException("data", CodedMessage.Of(ClassificationRefusal.TooFewQuestions, minimum, data.Questions.Count));
        if (data.Labels.Count < 2)
            throw new ValidationException("data", CodedMessage.Of(ClassificationRefusal.TooFewIntents));
    }

    public static void EnsureTestable(Data.DataSplit split)
    {
        if (split.Test.Count == 0)
            throw new ValidationException("data", CodedMessage.Of(ClassificationRefusal.NothingToTest));
    }
}
