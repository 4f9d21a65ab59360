namespace PuoAiOps.Application.Taxonomy.Changes;

/// <summary>The existing intents a proposal touches and the keys it would create or take.</summary>
public sealed record ChangeTargets(IReadOnlyList<int> IntentIds, IReadOnlyList<string> NewKeys)
{
    public bool Mentions(int intentId, string key) =>
        IntentIds.Contains(intentId) || NewKeys.Contains(key, StringComparer.Ordinal);

    public static ChangeTargets Of(ChangePayload payload) => payload switch
    {
        AddIntentPayload p => new([], [p.Intent.Key]),
        RenameIntentPayload p => new([p.IntentId], p.NewKey is null ? [] : [p.NewKey]),
        EditIntentPayload p => new([p.IntentId], []),
        MergeIntentsPayload p => new([.. p.SourceIds, p.TargetId], []),
        SplitIntentPayload p => new([p.SourceId], p.NewIntents.Select(n => n.Key).ToList()),
        DeprecateIntentPayload p => new([p.IntentId], []),
        _ => new([], []),
    };
}
