namespace PuoAiOps.Application.Common;

/// <summary>
/// Bad input (the web layer answers 400). <see cref="Errors"/> maps a field name (or "line 12" for
/// file imports) to its messages, so forms can show each message beside its field.
/// </summary>
public sealed class ValidationException : Exception
{
    public ValidationException(string message, IReadOnlyDictionary<string, string[]>? errors = null) : base(message) =>
        Errors = errors ?? new Dictionary<string, string[]>();

    public ValidationException(string field, string message) : base(message) =>
        Errors = new Dictionary<string, string[]> { [field] = [message] };

    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>Throws when <paramref name="errors"/> holds anything; the first message becomes the exception message.</summary>
    public static void ThrowIfAny(IReadOnlyDictionary<string, List<string>> errors)
    {
        if (errors.Count == 0) return;
        var first = errors.First();
        throw new ValidationException(first.Value[0], errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }
}
