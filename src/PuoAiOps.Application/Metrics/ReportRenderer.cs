using System.Globalization;
using System.Text;
using PuoAiOps.Application.Localization;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Core.Export;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Metrics;

public enum ReportFormat { Markdown, Csv }

/// <summary>Renders a stored report as Markdown (English or Chinese) or as one CSV table safe to open in a spreadsheet.</summary>
public static class ReportRenderer
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The format a file name asks for: .md/.markdown or .csv.</summary>
    public static ReportFormat FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".md" or ".markdown" => ReportFormat.Markdown,
        ".csv" => ReportFormat.Csv,
        var other => throw new ArgumentException($"Cannot tell the report format from '{other}': use .md or .csv."),
    };

    /// <param name="word">
    /// Words a coded escalation reason; without it a reason is worded in <paramref name="language"/> from
    /// <see cref="ReasonWords"/> (the same wording the console's pages read), so a Chinese report is Chinese throughout
    /// wherever it is rendered. A reason stored before reasons had codes stays its English.
    /// </param>
    public static string Render(ReportDocument report, ReportFormat format, string language = "en", Func<CodedMessage, string>? word = null) =>
        format == ReportFormat.Csv ? Csv(report, language, word ?? ReasonWords.For(language)) : Markdown(report, language, word ?? ReasonWords.For(language));

    public static string Markdown(ReportDocument r, string language = "en", Func<CodedMessage, string>? word = null)
    {
        var t = ReportText.For(language);
        word ??= ReasonWords.For(language);
        var sb = new StringBuilder();
        sb.Append("# ").Append(r.Kind == ReportKind.Daily ? t.Daily : t.Weekly).Append(' ').Append(r.Period).Append("\n\n");
        sb.Append("- ").Append(t.Period).Append(": ").Append(Day(r.FirstDay)).Append(" – ").Append(Day(r.LastDay)).Append('\n');
        sb.Append("- ").Append(t.Definitions).Append(": `").Append(r.DefinitionsVersion).Append("`\n");
        sb.Append("- ").Append(t.TimeZone).Append(": ").Append(r.TimeZone).Append('\n');
        sb.Append("- ").Append(t.Generated).Append(": ").Append(r.GeneratedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", Inv)).Append("\n\n");

        sb.Append("## ").Append(t.Indicators).Append("\n\n");
        Row(sb, t.Indicator, t.Value, t.Interval, t.Counts, t.Previous, t.Change);
        Rule(sb, 6);
        foreach (var i in r.Indicators)
            Row(sb, t.Name(i) + (i.Complete ? "" : " " + t.Incomplete), Value(i.Value, i.Unit), Interval(i), Counts(i), Value(i.Previous, i.Unit), Change(i.Change, i.Unit));

        Section(sb, t.TopFailing, r.TopFailingIntents.Count == 0, t.None);
        if (r.TopFailingIntents.Count > 0)
        {
            Row(sb, t.Intent, t.Conversations, t.Resolution, t.Escalation, t.Fallback);
            Rule(sb, 5);
            foreach (var b in r.TopFailingIntents)
                Row(sb, language == "en" ? b.Label : b.LabelZh, b.Conversations.ToString(Inv), Pct(b.Resolution.Rate), Pct(b.Escalation.Rate), Pct(b.Fallback.Rate));
        }

        Section(sb, t.NearMisses, r.NearMisses.Count == 0, t.None);
        if (r.NearMisses.Count > 0)
        {
            Row(sb, t.Question, t.Intent, t.Confidence);
            Rule(sb, 3);
            foreach (var q in r.NearMisses) Row(sb, q.Text, q.IntentKey ?? "", q.Confidence.ToString("0.00", Inv));
        }

        Section(sb, t.Escalations, false, t.None);
        sb.Append("- ").Append(t.Total).Append(": ").Append(r.Escalations.Total.ToString(Inv)).Append('\n');
        sb.Append("- ").Append(t.StillOpen).Append(": ").Append(r.Escalations.StillOpen.ToString(Inv)).Append("\n\n");
        if (r.Escalations.ByReason.Count > 0)
        {
            Row(sb, t.Reason, t.Count);
            Rule(sb, 2);
            foreach (var e in r.Escalations.ByReason) Row(sb, Reason(e, word), e.Count.ToString(Inv));
        }

        Section(sb, t.SopGaps, r.SopGaps.Count == 0, t.None);
        if (r.SopGaps.Count > 0)
        {
            Row(sb, t.Intent, t.Conversations, t.Unsupported, t.Share);
            Rule(sb, 4);
            foreach (var g in r.SopGaps) Row(sb, language == "en" ? g.Label : g.LabelZh, g.Conversations.ToString(Inv), g.Unsupported.ToString(Inv), Pct(g.Share));
        }

        var a = r.Annotation;
        Section(sb, t.Annotation, false, t.None);
        sb.Append("- ").Append(t.GradingWeek).Append(": ").Append(a.GradingWeek).Append('\n');
        sb.Append("- ").Append(t.Graded).Append(": ").Append(a.Graded.ToString(Inv)).Append(" / ").Append(a.SampleSize.ToString(Inv)).Append('\n');
        sb.Append("- ").Append(t.DoublePairs).Append(": ").Append(a.DoubleGradedPairs.ToString(Inv)).Append('\n');
        sb.Append("- ").Append(t.Kappa).Append(": ").Append(a.GradingKappa?.ToString("0.00", Inv) ?? "–").Append('\n');
        sb.Append("- ").Append(t.OpenItems).Append(": ").Append(a.OpenBatchItemsDone.ToString(Inv)).Append(" / ").Append(a.OpenBatchItems.ToString(Inv)).Append('\n');

        Section(sb, t.Alerts, r.Alerts.Count == 0, t.None);
        if (r.Alerts.Count > 0)
        {
            Row(sb, t.Day, t.Indicator, t.Value, t.Limits);
            Rule(sb, 4);
            foreach (var al in r.Alerts)
                Row(sb, Day(al.Day), t.Name(al.MetricKey, al.MetricName) + " (" + (al.High ? t.Above : t.Below) + ")", Pct(al.Rate), Pct(al.Lower) + " – " + Pct(al.Upper));
        }
        return sb.ToString();
    }

    public static string Csv(ReportDocument r, string language = "en", Func<CodedMessage, string>? word = null)
    {
        var t = ReportText.For(language);
        word ??= ReasonWords.For(language);
        var sb = new StringBuilder();
        Csv(sb, "section", "key", "label", "numerator", "denominator", "value", "low", "high", "previous", "change", "definitions_version", "period");
        void Line(string section, string key, string label, long? num, long? den, double? value, double? low = null, double? high = null, double? previous = null, double? change = null) =>
            Csv(sb, section, key, label, num?.ToString(Inv), den?.ToString(Inv), Num(value), Num(low), Num(high), Num(previous), Num(change), r.DefinitionsVersion, r.Period);

        foreach (var i in r.Indicators) Line("indicator", i.Key, t.Name(i), i.Numerator, i.Denominator, i.Value, i.Low, i.High, i.Previous, i.Change);
        foreach (var b in r.TopFailingIntents) Line("failing_intent", b.Key, language == "en" ? b.Label : b.LabelZh, b.Resolution.Numerator, b.Resolution.Denominator, b.Resolution.Rate, b.Resolution.Interval?.Low, b.Resolution.Interval?.High);
        foreach (var q in r.NearMisses) Line("near_miss", q.ConversationId.ToString(Inv), q.Text, null, null, q.Confidence);
        Line("escalations", "total", t.Total, r.Escalations.Total, null, null);
        Line("escalations", "still_open", t.StillOpen, r.Escalations.StillOpen, null, null);
        foreach (var e in r.Escalations.ByReason) Line("escalation_reason", e.ReasonCode ?? e.Reason, Reason(e, word), e.Count, r.Escalations.Total, r.Escalations.Total == 0 ? null : (double)e.Count / r.Escalations.Total);
        foreach (var g in r.SopGaps) Line("sop_gap", g.IntentKey, language == "en" ? g.Label : g.LabelZh, g.Unsupported, g.Conversations, g.Share);
        Line("grading", "graded", t.Graded, r.Annotation.Graded, r.Annotation.SampleSize, r.Annotation.SampleSize == 0 ? null : (double)r.Annotation.Graded / r.Annotation.SampleSize);
        Line("grading", "kappa", t.Kappa, r.Annotation.DoubleGradedPairs, null, r.Annotation.GradingKappa);
        Line("annotation", "open_items_done", t.OpenItems, r.Annotation.OpenBatchItemsDone, r.Annotation.OpenBatchItems,
            r.Annotation.OpenBatchItems == 0 ? null : (double)r.Annotation.OpenBatchItemsDone / r.Annotation.OpenBatchItems);
        foreach (var al in r.Alerts) Line("alert", al.MetricKey, Day(al.Day), null, null, al.Rate, al.Lower, al.Upper, al.Centre);
        return sb.ToString();
    }

    /// <summary>A reason worded when it has a code; else (a report stored before the codes) its English.</summary>
    private static string Reason(ReasonCount reason, Func<CodedMessage, string> word) =>
        reason.Code is { } code ? word(code) : reason.Reason;

    private static void Csv(StringBuilder sb, params string?[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0) sb.Append(',');
            // Formula-like cells first get their apostrophe, then the usual CSV quoting.
            var cell = SpreadsheetCells.Neutralise(cells[i]);
            if (cell.AsSpan().IndexOfAny(",\"\n\r") >= 0) sb.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            else sb.Append(cell);
        }
        sb.Append("\r\n");
    }

    private static void Section(StringBuilder sb, string title, bool empty, string none)
    {
        sb.Append("\n## ").Append(title).Append("\n\n");
        if (empty) sb.Append('_').Append(none).Append("_\n");
    }

    private static void Row(StringBuilder sb, params string[] cells)
    {
        sb.Append('|');
        foreach (var c in cells) sb.Append(' ').Append(Escape(c)).Append(" |");
        sb.Append('\n');
    }

    private static void Rule(StringBuilder sb, int columns)
    {
        sb.Append('|');
        for (var i = 0; i < columns; i++) sb.Append("---|");
        sb.Append('\n');
    }

    /// <summary>Question texts are user input: keep them from breaking the table or injecting Markdown links/HTML.</summary>
    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal)
        .Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", Inv);
    private static string Pct(double? rate) => rate is { } r ? (r * 100).ToString("0.0", Inv) + " %" : "–";
    private static string Value(double? value, string unit) => unit == "ms" ? value is { } v ? v.ToString("0", Inv) + " ms" : "–" : Pct(value);
    private static string Change(double? change, string unit) => change is not { } c ? "–"
        : unit == "ms" ? (c >= 0 ? "+" : "") + c.ToString("0", Inv) + " ms"
        : (c >= 0 ? "+" : "") + (c * 100).ToString("0.0", Inv) + " pt";
    private static string Interval(IndicatorView i) => i.Low is { } l && i.High is { } h ? Pct(l) + " – " + Pct(h) : "–";
    private static string Counts(IndicatorView i) => i.Unit == "ms" ? "n = " + (i.Denominator ?? 0).ToString(Inv) : $"{i.Numerator ?? 0} / {i.Denominator ?? 0}";
    private static string? Num(double? v) => v?.ToString("0.######", Inv);
}
