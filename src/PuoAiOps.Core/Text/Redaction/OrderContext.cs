using System.Buffers;

namespace PuoAiOps.Core.Text.Redaction;

/// <summary>
/// Recognises numbers that the text itself calls an order, ticket or transaction reference
/// ("Order #4532…", "订单号：2024…"). Those are business identifiers the annotators need, and some
/// happen to pass a Luhn or ID checksum by chance, so card, ID and domestic phone matches are
/// suppressed after such a label.
/// </summary>
internal static class OrderContext
{
    private const int Window = 24;

    private static readonly string[] Labels =
    [
        "order", "order no", "order number", "order id", "order ref", "tracking", "tracking no", "tracking number",
        "invoice", "invoice no", "ref", "reference", "transaction", "transaction id", "txn", "ticket", "ticket no",
        "case no", "订单", "订单号", "订单编号", "单号", "编号", "流水号", "交易号", "交易单号", "运单号", "快递单号", "工单", "工单号",
    ];

    // Last characters of the labels: most words before a number end otherwise, so the label loop rarely runs.
    private static readonly SearchValues<char> LabelEnds = SearchValues.Create(string.Concat(Labels.Select(l => l[^1]).Distinct()) + "RODEFNTXGK");

    public static bool IsLabelled(ReadOnlySpan<char> text, int numberStart)
    {
        var from = Math.Max(0, numberStart - Window);
        var before = text[from..numberStart];
        var trimmed = before.TrimEnd(" \t:：=＝.-#＃№");
        if (trimmed.Length < before.Length && before[trimmed.Length..].ContainsAny('#', '＃', '№'))
            return true;
        if (trimmed.IsEmpty || !LabelEnds.Contains(trimmed[^1])) return false;
        // Lower-case the window once, then compare ordinally: far cheaper than case-insensitive compares per label.
        Span<char> lower = stackalloc char[Window];
        var tail = lower[..trimmed.Length];
        trimmed.ToLowerInvariant(tail);
        foreach (var label in Labels)
        {
            if (!tail.EndsWith(label, StringComparison.Ordinal)) continue;
            var labelStart = tail.Length - label.Length;
            // "reorder" or "preference" must not count as a label.
            if (labelStart == 0 || !char.IsAsciiLetter(tail[labelStart - 1]) || !char.IsAsciiLetter(label[0]))
                return true;
        }
        return false;
    }
}
