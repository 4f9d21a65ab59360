using PuoAiOps.Application.Annotation;

namespace PuoAiOps.Web.Annotation;

/// <summary>Builds the labeling page's item panel for one annotator (page load and every htmx answer) from <see cref="LabelingReader"/>.</summary>
public sealed class LabelPanels(LabelingReader reader)
{
    /// <summary>The item the annotator holds or gets next; a paused or closed batch gives a blocked panel.</summary>
    public async Task<LabelPanelModel> CurrentAsync(long batchId, string userId, CancellationToken ct) =>
        From(await reader.CurrentAsync(batchId, userId, ct));

    /// <summary>The panel for <paramref name="item"/> (null: nothing left), with the annotator's progress.</summary>
    public async Task<LabelPanelModel> ForAsync(long batchId, string userId, QueueItem? item, CancellationToken ct) =>
        From(await reader.ForAsync(batchId, userId, item, ct));

    /// <summary>Whether the item is part of the batch in the URL (the service checks the caller's access).</summary>
    public Task<bool> ItemInBatchAsync(long itemId, long batchId, CancellationToken ct) => reader.ItemInBatchAsync(itemId, batchId, ct);

    private static LabelPanelModel From(LabelingState state) => new()
    {
        BatchId = state.BatchId, Progress = state.Progress, Item = state.Item, Source = state.Source, Context = state.Context, Blocked = state.Blocked,
    };
}
