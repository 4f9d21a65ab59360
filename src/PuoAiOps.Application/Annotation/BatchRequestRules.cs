using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Annotation;

/// <summary>Why a batch request is refused, per field; the console words each code in the reader's language.</summary>
public enum BatchRequestError
{
    NameRequired,
    NameTooLong,
    LabelsPerItemOutOfRange,
    NoAnnotators,
    TooFewAnnotators,
    GoldShareOutOfRange,
    SampleSizeTooSmall,
    ConfidenceOutOfRange,
    PeriodReversed,
    SeedNotPositive,
}

/// <summary>
/// The rules a new batch must follow, in one place: <see cref="BatchService.CreateAsync"/> refuses a
/// request that breaks one, and the console checks the form with the same rules before sending it.
/// </summary>
public static class BatchRequestRules
{
    public const int MaxNameLength = 200;

    public const string Name = nameof(CreateBatchRequest.Name);
    public const string LabelsPerItem = nameof(CreateBatchRequest.LabelsPerItem);
    public const string Annotators = nameof(CreateBatchRequest.AnnotatorIds);
    public const string GoldShare = nameof(CreateBatchRequest.GoldShare);
    public const string SampleSize = nameof(BatchFilter.SampleSize);
    public const string Confidence = nameof(BatchFilter.ConfidenceBelow);
    public const string Period = nameof(BatchFilter.To);
    public const string Seed = nameof(BatchFilter.Seed);

    /// <summary>Every broken rule as (field, error), the most basic first; empty when the request may be created.</summary>
    public static IReadOnlyList<(string Field, BatchRequestError Error)> Check(CreateBatchRequest request)
    {
        var errors = new List<(string, BatchRequestError)>();
        if (string.IsNullOrWhiteSpace(request.Name)) errors.Add((Name, BatchRequestError.NameRequired));
        else if (request.Name.Trim().Length > MaxNameLength) errors.Add((Name, BatchRequestError.NameTooLong));
        var annotators = request.AnnotatorIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).Count();
        if (request.LabelsPerItem is < 1 or > BatchService.MaxLabelsPerItem) errors.Add((LabelsPerItem, BatchRequestError.LabelsPerItemOutOfRange));
        if (annotators == 0) errors.Add((Annotators, BatchRequestError.NoAnnotators));
        else if (request.LabelsPerItem > annotators) errors.Add((LabelsPerItem, BatchRequestError.TooFewAnnotators));
        if (request.GoldShare is < 0 or > BatchService.MaxGoldShare || double.IsNaN(request.GoldShare)) errors.Add((GoldShare, BatchRequestError.GoldShareOutOfRange));
        var f = request.Filter;
        if (f.SampleSize is < 1) errors.Add((SampleSize, BatchRequestError.SampleSizeTooSmall));
        if (f.ConfidenceBelow is <= 0 or > 1 || (f.ConfidenceBelow is { } c && double.IsNaN(c))) errors.Add((Confidence, BatchRequestError.ConfidenceOutOfRange));
        if (f.From is { } from && f.To is { } to && from >= to) errors.Add((Period, BatchRequestError.PeriodReversed));
        if (f.Seed < 1) errors.Add((Seed, BatchRequestError.SeedNotPositive));
        return errors;
    }

    /// <summary>The English description used in API and CLI answers.</summary>
    public static CodedMessage Describe(BatchRequestError error, CreateBatchRequest request) => error switch
    {
        BatchRequestError.NameRequired or BatchRequestError.NameTooLong => CodedMessage.Of(AnnotationRefusal.BatchNameLength, MaxNameLength),
        BatchRequestError.LabelsPerItemOutOfRange => CodedMessage.Of(AnnotationRefusal.LabelsPerItemOutOfRange, BatchService.MaxLabelsPerItem),
        BatchRequestError.NoAnnotators => CodedMessage.Of(AnnotationRefusal.NoAnnotators),
        BatchRequestError.TooFewAnnotators => CodedMessage.Of(AnnotationRefusal.TooFewAnnotators, request.LabelsPerItem,
            request.AnnotatorIds.Distinct(StringComparer.Ordinal).Count()),
        BatchRequestError.GoldShareOutOfRange => CodedMessage.Of(AnnotationRefusal.GoldShareOutOfRange, BatchService.MaxGoldShare),
        BatchRequestError.SampleSizeTooSmall => CodedMessage.Of(AnnotationRefusal.SampleSizeTooSmall),
        BatchRequestError.ConfidenceOutOfRange => CodedMessage.Of(AnnotationRefusal.ConfidenceOutOfRange),
        BatchRequestError.PeriodReversed => CodedMessage.Of(AnnotationRefusal.PeriodReversed),
        BatchRequestError.SeedNotPositive => CodedMessage.Of(AnnotationRefusal.SeedNotPositive),
        _ => throw new ArgumentOutOfRangeException(nameof(error), error, null),
    };
}
