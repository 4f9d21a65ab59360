using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Demo.Generation;

/// <summary>
/// Hands out primary keys above the current maximum of each table. The demo assigns its own keys so
/// parents and children can be written in bulk without reading generated ids back; the caller holds
/// the write transaction (and on PostgreSQL the advisory lock) while these are in use.
/// </summary>
internal sealed class DemoIds
{
    private readonly Dictionary<Type, long> _last;

    private DemoIds(Dictionary<Type, long> last) => _last = last;

    public long Next<T>() => _last[typeof(T)] += 1;

    public int NextInt<T>() => checked((int)Next<T>());

    public static async Task<DemoIds> LoadAsync(PuoDbContext db, CancellationToken ct) => new(new Dictionary<Type, long>
    {
        [typeof(IntentDomain)] = await db.Domains.MaxAsync(x => (long?)x.Id, ct) ?? 0,
        [typeof(Intent)] = await db.Intents.MaxAsync(x => (long?)x.Id, ct) ?? 0,
        [typeof(SopDocument)] = await db.Documents.MaxAsync(x => (long?)x.Id, ct) ?? 0,
        [typeof(SopChunk)] = await db.Chunks.MaxAsync(x => (long?)x.Id, ct) ?? 0,
        [typeof(ReplyScript)] = await db.Scripts.MaxAsync(x => (long?)x.Id, ct) ?? 0,
        [typeof(ReplyScriptVersion)] = await db.ScriptVersions.MaxAsync(x => (long?)x.Id, ct) ?? 0,
        [typeof(Question)] = await db.Questions.MaxAsync(x => (long?)x.Id, ct) ?? 0,
        [typeof(AnnotationBatch)] = await db.Batches.MaxAsync(x => (long?)x.Id, ct) ?? 0,
        [typeof(AnnotationItem)] = await db.Items.MaxAsync(x => (long?)x.Id, ct) ?? 0,
        [typeof(AnnotationLabel)] = await db.Labels.MaxAsync(x => (long?)x.Id, ct) ?? 0,
        [typeof(AnnotationSkip)] = await db.Skips.MaxAsync(x => (long?)x.Id, ct) ?? 0,
        [typeof(Adjudication)] = await db.Adjudications.MaxAsync(x => (long?)x.Id, ct) ?? 0,
        [typeof(Conversation)] = await db.Conversations.MaxAsync(x => (long?)x.Id, ct) ?? 0,
        [typeof(Turn)] = await db.Turns.MaxAsync(x => (long?)x.Id, ct) ?? 0,
        [typeof(Feedback)] = await db.Feedback.MaxAsync(x => (long?)x.Id, ct) ?? 0,
        [typeof(AnswerGrade)] = await db.Grades.MaxAsync(x => (long?)x.Id, ct) ?? 0,
        [typeof(Escalation)] = await db.Escalations.MaxAsync(x => (long?)x.Id, ct) ?? 0,
    });
}
