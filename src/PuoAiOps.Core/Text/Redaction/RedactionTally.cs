namespace PuoAiOps.Core.Text.Redaction;

/// <summary>Running totals per kind over many redactions (one import, one batch). Not thread-safe.</summary>
public sealed class RedactionTally
{
    private readonly long[] _counts;
    private readonly List<string> _customKeys;

    public RedactionTally(PiiRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(redactor);
        _customKeys = redactor.CustomPatternNames.Select(n => n.ToLowerInvariant()).ToList();
        _counts = new long[(int)PiiType.Custom + _customKeys.Count];
    }

    public void Add(in RedactionResult result)
    {
        var raw = result.RawCounts;
        for (var i = 0; i < raw.Length && i < _counts.Length; i++) _counts[i] += raw[i];
    }

    public void Add(RedactionTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < _counts.Length && i < other._counts.Length; i++) _counts[i] += other._counts[i];
    }

    public long this[PiiType type] => type == PiiType.Custom ? _counts.Skip((int)PiiType.Custom).Sum() : _counts[(int)type];

    /// <summary>Report keys (email, phone, card, id_number, iban, ip, url, then custom names in lower case) with totals.</summary>
    public IReadOnlyDictionary<string, long> ToDictionary()
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var type in PiiTypes.BuiltIn) result[PiiTypes.ReportKey(type)] = _counts[(int)type];
        for (var i = 0; i < _customKeys.Count; i++) result[_customKeys[i]] = _counts[(int)PiiType.Custom + i];
        return result;
    }
}
