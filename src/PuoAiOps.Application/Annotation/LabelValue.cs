namespace PuoAiOps.Application.Annotation;

/// <summary>
/// A label's meaning reduced to one comparable key: the intent id, or <see cref="OutOfScopeKey"/>.
/// Intent ids are database identities (≥ 1), so 0 never collides with an intent.
/// </summary>
internal static class LabelValue
{
    public const int OutOfScopeKey = 0;
    public const string OutOfScopeName = "oos";

    public static int Key(int? intentId, bool outOfScope) => outOfScope || intentId is null ? OutOfScopeKey : intentId.Value;

    /// <summary>Exactly one of an intent or out-of-scope must be chosen.</summary>
    public static void Validate(int? intentId, bool outOfScope)
    {
        if (outOfScope && intentId is not null)
            throw AnnotationException.Invalid(AnnotationRefusal.IntentAndOutOfScope);
        if (!outOfScope && intentId is null)
            throw AnnotationException.Invalid(AnnotationRefusal.NoChoice);
    }
}
