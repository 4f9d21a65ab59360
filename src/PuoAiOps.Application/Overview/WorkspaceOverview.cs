using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Overview;

/// <summary>How much the workspace holds, for the overview page.</summary>
public sealed record WorkspaceCounts(int Questions, int Intents, int Scripts, int Documents, int Conversations, int OpenEscalations);

/// <summary>The overview page's figures: one count per table, read one after the other on the request's context.</summary>
public sealed class WorkspaceOverview(PuoDbContext db)
{
    public async Task<WorkspaceCounts> CountsAsync(CancellationToken ct = default) => new(
        await db.Questions.CountAsync(ct),
        await db.Intents.CountAsync(ct),
        await db.Scripts.CountAsync(ct),
        await db.Documents.CountAsync(ct),
        await db.Conversations.CountAsync(ct),
        await db.Escalations.CountAsync(e => e.Status != EscalationStatus.Closed, ct));
}
