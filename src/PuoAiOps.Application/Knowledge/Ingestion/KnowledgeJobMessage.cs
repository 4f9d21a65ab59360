using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Knowledge.Ingestion;

/// <summary>
/// What the folder sync job says while it runs and when it ends: the console words each value from
/// <c>KnowledgeText</c> (<c>KnowledgeJobMessage.&lt;value&gt;</c>). Its refusals stay <see cref="KnowledgeRefusal"/>.
/// </summary>
public enum KnowledgeJobMessage
{
    [English("{0} of {1} files")] SyncProgress,
    [English("{0} file(s): {1} added or updated, {2} unchanged, {3} refused.")] Synced,
}
