using PuoAiOps.Application.Knowledge;
using PuoAiOps.Application.Knowledge.Indexing;
using Qdrant.Client.Grpc;
using static Qdrant.Client.Grpc.Conditions;

namespace PuoAiOps.Application.VectorSearch.Qdrant;

/// <summary>How chunks map to Qdrant points: id = chunk id, named vectors, and payload fields for the filters.</summary>
internal static class QdrantPoints
{
    public const string Dense = "dense";
    public const string Sparse = "sparse";
    public const string LanguageField = "lang";
    public const string DomainField = "domain";
    public const string IntentField = "intent";
    public const string DocumentField = "document";

    /// <summary>The payload indexes created with the collection: every field a filter or a delete uses.</summary>
    public static readonly (string Field, PayloadSchemaType Type)[] Indexes =
    [
        (LanguageField, PayloadSchemaType.Keyword), (DomainField, PayloadSchemaType.Keyword),
        (IntentField, PayloadSchemaType.Keyword), (DocumentField, PayloadSchemaType.Integer),
    ];

    public static PointStruct ToPoint(VectorRecord record)
    {
        var vectors = new NamedVectors();
        vectors.Vectors.Add(Dense, new Vector { Dense = new DenseVector { Data = { record.Vector.ToArray() } } });
        if (record.Text is { } text && SparseTerms.Document(text) is { IsEmpty: false } sparse)
            vectors.Vectors.Add(Sparse, new Vector { Sparse = ToSparse(sparse) });
        var point = new PointStruct { Id = checked((ulong)record.Id), Vectors = new Vectors { Vectors_ = vectors } };
        // Filter values are stored normalised (language family, lower case) so matches are exact keywords.
        point.Payload[LanguageField] = Locales.Language(record.Locale);
        if (record.Domain is { Length: > 0 } domain) point.Payload[DomainField] = domain.ToLowerInvariant();
        if (record.Intents.Count > 0) point.Payload[IntentField] = record.Intents.Select(i => i.ToLowerInvariant()).ToArray();
        if (record.DocumentId > 0) point.Payload[DocumentField] = record.DocumentId;
        return point;
    }

    public static SparseVector ToSparse(SparseTermVector vector) => new() { Indices = { vector.Indices }, Values = { vector.Values } };

    /// <summary>The filter as Qdrant conditions, or null for none.</summary>
    public static Filter? ToFilter(SearchFilter filter)
    {
        var must = new Filter();
        if (filter.Locale is { } locale) must.Must.Add(MatchKeyword(LanguageField, Locales.Language(locale)));
        if (filter.Domain is { } domain) must.Must.Add(MatchKeyword(DomainField, domain.ToLowerInvariant()));
        if (filter.Intent is { } intent) must.Must.Add(MatchKeyword(IntentField, intent.ToLowerInvariant()));
        return must.Must.Count == 0 ? null : must;
    }

    public static Filter OfDocument(long documentId) => new() { Must = { Match(DocumentField, documentId) } };

    public static long IdOf(PointId id) => checked((long)id.Num);
}
