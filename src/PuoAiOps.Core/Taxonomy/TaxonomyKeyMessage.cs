using PuoAiOps.Core.Messages;

namespace PuoAiOps.Core.Taxonomy;

/// <summary>What is wrong with an intent or domain key or a guide reference, as codes (see <see cref="CodedMessage"/>).</summary>
public enum TaxonomyKeyMessage
{
    [English("The intent key '{0}' is reserved: it marks out-of-scope questions in labels and classifiers.")] IntentKeyReserved,
    [English("The intent key is required.")] IntentKeyRequired,
    [English("The intent key '{0}' is longer than {1} characters.")] IntentKeyTooLong,
    [English("The intent key '{0}' must be snake_case: lower-case letters, digits and single underscores, starting with a letter (e.g. recharge_failed).")] IntentKeyNotSnakeCase,
    [English("The domain key is required.")] DomainKeyRequired,
    [English("The domain key '{0}' is longer than {1} characters.")] DomainKeyTooLong,
    [English("The domain key '{0}' must be snake_case: lower-case letters, digits and single underscores, starting with a letter (e.g. recharge_failed).")] DomainKeyNotSnakeCase,
    [English("The guide reference '{0}' must look like 'payments.md#recharge-failed' (a lower-case .md file in annotation-guides/, optional #anchor).")] GuideReferenceShape,
}
