using PuoAiOps.Core.Import;
using PuoAiOps.Core.Messages;
using PuoAiOps.Core.Text;
using PuoAiOps.Core.Text.Redaction;

namespace PuoAiOps.Application.Questions;

/// <summary>
/// The CPU side of an import: redacts every free-text field of a parsed row, pseudonymises the user
/// id and computes the duplicate key (hash of the normalised redacted text). Pure, no I/O.
/// </summary>
internal sealed class QuestionRowPreparer(PiiRedactor redactor, UserPseudonymizer pseudonymizer, string? defaultSource, DateTime importedAt)
{
    /// <summary>Timeouts tolerated before the import stops: past this the pattern is broken, not the rows.</summary>
    public const int MaxTimeouts = 10;

    private int _timeouts;

    public RedactionTally Tally { get; } = new(redactor);

    /// <summary>The prepared row, or the reason it must not be stored.</summary>
    public bool TryPrepare(QuestionRecord record, out PreparedQuestion prepared, out CodedMessage? rejection)
    {
        prepared = default;
        rejection = null;
        try
        {
            var text = redactor.Redact(record.Text);
            var externalId = Redact(record.ExternalId);
            var channel = Redact(record.Channel);
            var locale = Redact(record.Locale);
            var source = Redact(record.Source ?? defaultSource);
            // Counted only once the whole row is through, so a rejected row adds nothing.
            Count(text);
            Count(externalId);
            Count(channel);
            Count(locale);
            Count(source);
            prepared = new PreparedQuestion(
                record.Line,
                text.Text,
                TextNormalizer.Hash(text.Text),
                externalId.Text,
                pseudonymizer.Pseudonymize(record.UserId),
                channel.Text,
                locale.Text,
                source.Text,
                record.CreatedAt ?? importedAt);
            return true;
        }
        catch (PiiRedactionTimeoutException ex) when (++_timeouts <= MaxTimeouts)
        {
            // Fail closed: a text the custom pattern could not finish scanning might still hold what it targets.
            rejection = CodedMessage.Of(QuestionRowMessage.RedactionTimedOut, ex.PatternName);
            return false;
        }
    }

    private RedactionResult Redact(string? value) => value is null ? default : redactor.Redact(value);

    private void Count(in RedactionResult result)
    {
        if (result.Changed) Tally.Add(result);
    }
}
