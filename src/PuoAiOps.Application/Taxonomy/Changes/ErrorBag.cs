using PuoAiOps.Application.Common;

namespace PuoAiOps.Application.Taxonomy.Changes;

/// <summary>Collects every field error of one input before failing, so a form shows them all at once.</summary>
internal sealed class ErrorBag
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public IEnumerable<(string Field, string Message)> All => _errors.SelectMany(e => e.Value.Select(m => (e.Key, m)));

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    public void AddIf(string field, string? message)
    {
        if (message is not null) Add(field, message);
    }

    public void ThrowIfAny() => ValidationException.ThrowIfAny(_errors);
}
