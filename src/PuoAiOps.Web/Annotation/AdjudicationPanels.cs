using PuoAiOps.Application.Annotation;

namespace PuoAiOps.Web.Annotation;

/// <summary>One disagreement for a reviewer to settle, and where it sits in their queue.</summary>
public sealed record AdjudicationPanelModel
{
    public AdjudicationCase? Case { get; init; }

    /// <summary>Items this reviewer may decide (the filter applied).</summary>
    public int Total { get; init; }

    /// <summary>Items waiting that this reviewer labeled as an annotator: another reviewer must decide them.</summary>
    public int HiddenOwn { get; init; }

    /// <summary>Position of <see cref="Case"/> in the queue (cases put off with "later" are passed over).</summary>
    public int Skip { get; init; }

    public long? BatchFilter { get; init; }

    public string? Notice { get; init; }
    public string? Warning { get; init; }
    public string? Error { get; init; }
    public AdjudicationForm? Draft { get; init; }
}

/// <summary>The decision form as posted by the page.</summary>
public sealed class AdjudicationForm
{
    public int? IntentId { get; set; }
    public bool OutOfScope { get; set; }
    public string? Reason { get; set; }
    public long? Batch { get; set; }
    public int Skip { get; set; }

    public AdjudicationInput ToInput() => new(OutOfScope ? null : IntentId, OutOfScope, Reason ?? "");
}

/// <summary>Builds the adjudication panel (page load and every htmx answer) from <see cref="AdjudicationQueueReader"/>.</summary>
public sealed class AdjudicationPanels(AdjudicationQueueReader reader)
{
    /// <summary>The case at <paramref name="skip"/> in the reviewer's queue, wrapping to the first when past the end.</summary>
    public async Task<AdjudicationPanelModel> AtAsync(string reviewerId, long? batchId, int skip, CancellationToken ct) =>
        From(await reader.AtAsync(reviewerId, batchId, skip, ct));

    /// <summary>A given case (after a refused decision), with the queue counts around it.</summary>
    public async Task<AdjudicationPanelModel> ForItemAsync(string reviewerId, long itemId, long? batchId, int skip, CancellationToken ct) =>
        From(await reader.ForItemAsync(reviewerId, itemId, batchId, skip, ct));

    private static AdjudicationPanelModel From(AdjudicationPosition position) => new()
    {
        Case = position.Case, Total = position.Total, HiddenOwn = position.HiddenOwn, Skip = position.Skip, BatchFilter = position.BatchFilter,
    };
}
