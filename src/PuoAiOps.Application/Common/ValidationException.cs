using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Common;

/// <summary>
/// Bad input (the web layer answers 400). <see cref="Errors"/> maps a field name (or "line 12" for
/// file imports) to its messages, so forms can show each message beside its field. Messages given as
/// codes (<see cref="CodedMessage"/>) keep their code in <see cref="Codes"/>, at the same position as
/// their English text in <see cref="Errors"/>, so the console can word them in the reader's language.
/// </summary>
public sealed class ValidationException : Exception
{
    public ValidationException(string message, IReadOnlyDictionary<string, string[]>? errors = null) : base(message) =>
        Errors = errors ?? new Dictionary<string, string[]>();

    public ValidationException(string field, string message) : base(message) =>
        Errors = new Dictionary<string, string[]> { [field] = [message] };

    public ValidationException(string field, CodedMessage message) : base(message.English)
    {
        Code = message;
        Errors = new Dictionary<string, string[]> { [field] = [message.English] };
        Codes = new Dictionary<string, CodedMessage?[]> { [field] = [message] };
    }

    /// <summary>A coded summary (the title) over field messages that have no code of their own.</summary>
    public ValidationException(CodedMessage message, IReadOnlyDictionary<string, string[]> errors) : base(message.English)
    {
        Code = message;
        Errors = errors;
    }

    /// <summary>A plain summary over field messages that keep their codes (a file's problems by line).</summary>
    public ValidationException(string message, IReadOnlyDictionary<string, string[]> errors, IReadOnlyDictionary<string, CodedMessage?[]> codes)
        : this(null, message, errors, codes)
    {
    }

    private ValidationException(CodedMessage? code, string message, IReadOnlyDictionary<string, string[]> errors, IReadOnlyDictionary<string, CodedMessage?[]> codes)
        : base(message)
    {
        Code = code;
        Errors = errors;
        Codes = codes;
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>Per field, the code of each message of <see cref="Errors"/> (null where a message has none).</summary>
    public IReadOnlyDictionary<string, CodedMessage?[]> Codes { get; } = new Dictionary<string, CodedMessage?[]>();

    /// <summary>The code of <see cref="Exception.Message"/>, when it has one.</summary>
    public CodedMessage? Code { get; }

    /// <summary>Throws when <paramref name="errors"/> holds anything; the first message becomes the exception message.</summary>
    public static void ThrowIfAny(IReadOnlyDictionary<string, List<string>> errors)
    {
        if (errors.Count == 0) return;
        var first = errors.First();
        throw new ValidationException(first.Value[0], errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }

    /// <summary>Throws when <paramref name="errors"/> holds anything, codes kept; the first message becomes the exception message.</summary>
    public static void ThrowIfAny(IReadOnlyDictionary<string, List<(string Text, CodedMessage? Code)>> errors)
    {
        if (errors.Count == 0) return;
        var first = errors.First().Value[0];
        throw new ValidationException(first.Code, first.Text,
            errors.ToDictionary(e => e.Key, e => e.Value.Select(m => m.Text).ToArray()),
            errors.ToDictionary(e => e.Key, e => e.Value.Select(m => m.Code).ToArray()));
    }

    /// <summary>
    /// Several coded messages of one field (a file's line errors, a rule set's problems) under a coded summary
    /// (<paramref name="summary"/>; the first message when null).
    /// </summary>
    public static ValidationException Of(string field, IReadOnlyList<CodedMessage> messages, CodedMessage? summary = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(messages.Count);
        var title = summary ?? messages[0];
        return new ValidationException(title, title.English,
            new Dictionary<string, string[]> { [field] = [.. messages.Select(m => m.English)] },
            new Dictionary<string, CodedMessage?[]> { [field] = [.. messages] });
    }
}
