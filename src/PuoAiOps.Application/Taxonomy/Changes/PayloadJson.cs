using System.Text.Json;
using System.Text.Json.Serialization;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Taxonomy.Changes;

/// <summary>JSON form of payloads. Deterministic output, so two identical proposals have identical text (used to skip re-imports).</summary>
public static class PayloadJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = false,
    };

    public static string Serialize(ChangePayload payload) => JsonSerializer.Serialize(payload, payload.GetType(), Options);

    public static ChangePayload Deserialize(TaxonomyChangeKind kind, string json)
    {
        var type = TypeOf(kind);
        return (ChangePayload)(JsonSerializer.Deserialize(json, type, Options)
            ?? throw new InvalidOperationException($"Empty payload for a {kind} change."));
    }

    public static Type TypeOf(TaxonomyChangeKind kind) => kind switch
    {
        TaxonomyChangeKind.Add => typeof(AddIntentPayload),
        TaxonomyChangeKind.Rename => typeof(RenameIntentPayload),
        TaxonomyChangeKind.Edit => typeof(EditIntentPayload),
        TaxonomyChangeKind.Merge => typeof(MergeIntentsPayload),
        TaxonomyChangeKind.Split => typeof(SplitIntentPayload),
        TaxonomyChangeKind.Deprecate => typeof(DeprecateIntentPayload),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static TaxonomyChangeKind KindOf(ChangePayload payload) => payload switch
    {
        AddIntentPayload => TaxonomyChangeKind.Add,
        RenameIntentPayload => TaxonomyChangeKind.Rename,
        EditIntentPayload => TaxonomyChangeKind.Edit,
        MergeIntentsPayload => TaxonomyChangeKind.Merge,
        SplitIntentPayload => TaxonomyChangeKind.Split,
        DeprecateIntentPayload => TaxonomyChangeKind.Deprecate,
        _ => throw new ArgumentOutOfRangeException(nameof(payload), payload.GetType().Name, null),
    };
}
