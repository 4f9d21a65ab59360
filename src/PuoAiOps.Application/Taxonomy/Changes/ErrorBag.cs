using PuoAiOps.Application.Common;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Taxonomy.Changes;

/// <summary>Collects every field error of one input before failing, so a form shows them all at once.</summary>
internal sealed class ErrorBag
{
    private readonly Dictionary<string, List<(string Text, CodedMessage? Code)>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    /// <summary>Every error with its English text and its code (null where the rule has none), in order.</summary>
    public IEnumerable<(string Field, string Text, CodedMessage? Code)> Entries => _errors.SelectMany(e => e.Value.Select(m => (e.Key, m.Text, m.Code)));

    /// <summary>The codes of every error, in order (null for a message from a rule that has no code yet).</summary>
    public IEnumerable<(string Field, CodedMessage? Code)> Codes => _errors.SelectMany(e => e.Value.Select(m => (e.Key, m.Code)));

    public void Add(string field, string message) => Put(field, (message, null));

    public void Add(string field, TaxonomyRefusal code, params object[] args)
    {
        var message = CodedMessage.Of(code, args);
        Put(field, (message.English, message));
    }

    public void AddIf(string field, string? message)
    {
        if (message is not null) Add(field, message);
    }

    public void AddIf(string field, CodedMessage? message)
    {
        if (message is not null) Put(field, (message.English, message));
    }

    public void ThrowIfAny() => ValidationException.ThrowIfAny(_errors);

    private void Put(string field, (string, CodedMessage?) message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }
}
