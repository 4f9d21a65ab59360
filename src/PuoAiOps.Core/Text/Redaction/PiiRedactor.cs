using System.Buffers;
using System.Text.RegularExpressions;
using PuoAiOps.Core.Messages;

namespace PuoAiOps.Core.Text.Redaction;

/// <summary>
/// Replaces personal data in free text with typed markers (<c>&lt;EMAIL&gt;</c>, <c>&lt;PHONE&gt;</c>,
/// <c>&lt;CARD&gt;</c>, <c>&lt;ID_NUMBER&gt;</c>, <c>&lt;IBAN&gt;</c>, <c>&lt;IP&gt;</c>, <c>&lt;URL&gt;</c>,
/// <c>&lt;NAME&gt;</c> for admin patterns) and counts what it replaced.
/// Runs on every imported row, so the built-in detectors are hand-written scanners behind cheap
/// pre-filters (no '@' → no e-mail scan; too few digits → no card, ID or phone scan), and a text
/// without matches is returned as the same instance without heap allocation.
/// Immutable and safe to share between threads.
/// </summary>
public sealed partial class PiiRedactor
{
    /// <summary>Bound on one custom pattern over one text when it needs the backtracking engine (the linear engine needs none).</summary>
    public static readonly TimeSpan DefaultCustomPatternTimeout = TimeSpan.FromMilliseconds(250);

    // ASCII-only sets search with vector instructions; the full-width set is used only for texts that contain full-width digits.
    private static readonly SearchValues<char> AsciiNumberStarts = SearchValues.Create("0123456789+(");
    private static readonly SearchValues<char> AllNumberStarts = SearchValues.Create("0123456789\uFF10\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18\uFF19+\uFF0B(");

    private readonly CompiledPiiPattern[] _custom;
    private readonly TimeProvider _time;

    /// <summary>Built-in detectors only.</summary>
    public PiiRedactor() : this([]) { }

    /// <summary>Built-in detectors plus admin patterns; throws <see cref="InvalidPiiPatternException"/> listing every bad pattern.</summary>
    public PiiRedactor(IEnumerable<CustomPiiPattern> customPatterns, TimeSpan? customPatternTimeout = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(customPatterns);
        _custom = Compile(customPatterns.ToList(), customPatternTimeout ?? DefaultCustomPatternTimeout, out var errors);
        if (errors.Count > 0) throw new InvalidPiiPatternException(errors);
        _time = timeProvider ?? TimeProvider.System;
    }

    public static PiiRedactor Default { get; } = new();

    /// <summary>Marker names of the custom patterns (upper snake case), in the order counts are reported.</summary>
    public IReadOnlyList<string> CustomPatternNames => _custom.Select(p => p.Name).ToList();

    /// <summary>Every problem with a set of admin patterns (empty when all compile); for the settings page.</summary>
    public static IReadOnlyList<PiiPatternError> Validate(IEnumerable<CustomPiiPattern> customPatterns)
    {
        ArgumentNullException.ThrowIfNull(customPatterns);
        Compile(customPatterns.ToList(), DefaultCustomPatternTimeout, out var errors);
        return errors;
    }

    public string RedactText(string text) => Redact(text).Text;

    /// <summary>Passes over already redacted text before giving up on a fixed point (two suffice in practice).</summary>
    private const int MaxPasses = 4;

    /// <summary>Redacts <paramref name="text"/>; throws <see cref="PiiRedactionTimeoutException"/> if a custom pattern times out.</summary>
    public RedactionResult Redact(string text)
    {
        var result = RedactOnce(text);
        // Detectors judge a match by its neighbours (boundaries, labels), and a neighbour can hide one:
        // in "+86 138 0013 8000a@b.com" the e-mail takes "8000a", and "+86 138 0013" is a phone number
        // only once the e-mail is a marker. Passes repeat until nothing is found, so redacted text never
        // holds what a detector would still redact, and redacting it again changes nothing.
        for (var pass = 1; result.Changed && pass < MaxPasses; pass++)
        {
            var next = RedactOnce(result.Text);
            if (!next.Changed) break;
            result = RedactionResult.Combine(result, next);
        }
        return result;
    }

    private RedactionResult RedactOnce(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var span = text.AsSpan();
        var matches = new MatchList(stackalloc PiiMatch[8]);
        try
        {
            FindBuiltIn(span, ref matches);
            FindCustom(span, ref matches);
            if (matches.Count == 0) return new RedactionResult(text, null);
            matches.ResolveOverlaps();
            return Build(text, matches.Items);
        }
        finally
        {
            matches.Dispose();
        }
    }

    /// <summary>The matches of one pass over <paramref name="text"/>, overlaps resolved as <see cref="Redact"/> resolves them.</summary>
    private List<PiiMatch> MatchOnce(string text)
    {
        var span = text.AsSpan();
        var matches = new MatchList(stackalloc PiiMatch[8]);
        try
        {
            FindBuiltIn(span, ref matches);
            FindCustom(span, ref matches);
            if (matches.Count == 0) return [];
            matches.ResolveOverlaps();
            return [.. matches.Items];
        }
        finally
        {
            matches.Dispose();
        }
    }

    private void FindBuiltIn(ReadOnlySpan<char> text, ref MatchList matches)
    {
        var digits = CountDigits(text, out var wide);
        if (digits >= 4) ScanNumbers(text, digits, wide ? AllNumberStarts : AsciiNumberStarts, ref matches);
        if (digits >= IbanDetector.MinDigits) IbanDetector.Find(text, ref matches);
        if (text.Count(':') >= 2) ScanIpv6(text, ref matches);
        if (text.IndexOfAny('@', '\uFF20') >= 0) EmailDetector.Find(text, ref matches);
        if (UrlTokenDetector.MayContain(text)) UrlTokenDetector.Find(text, ref matches);
    }

    private void ScanNumbers(ReadOnlySpan<char> text, int digits, SearchValues<char> starts, ref MatchList matches)
    {
        var groups = new DigitGroups(stackalloc int[2 * DigitGroups.MaxGroups], stackalloc char[DigitGroups.MaxGroups]);
        DateOnly? today = null;
        var i = 0;
        while (i < text.Length)
        {
            var rel = text[i..].IndexOfAny(starts);
            if (rel < 0) return;
            i += rel;
            var c = text[i];
            if (!Chars.IsDigit(c))
            {
                i = ScanPhoneOpening(text, i, digits, ref matches);
                continue;
            }
            var runEnd = Chars.DigitRunEnd(text, i);
            if (!Chars.IsLeftBoundary(text, i))
            {
                i = runEnd;
                continue;
            }
            var (length, type) = (0, PiiType.IdNumber);
            if (digits >= ChineseIdDetector.MinDigits)
                length = ChineseIdDetector.Match(text, i, today ??= DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime));
            if (length == 0 && digits >= CardDetector.MinDigits) (length, type) = (CardDetector.Match(text, i, ref groups), PiiType.Card);
            if (length == 0 && digits >= PhoneDetector.MinDigits) (length, type) = (PhoneDetector.MatchDomestic(text, i, ref groups), PiiType.Phone);
            if (length > 0)
            {
                // Order and ticket numbers stay readable even when they happen to pass a checksum.
                if (!OrderContext.IsLabelled(text, i)) matches.Add(new PiiMatch(i, length, type));
                i += length;
                continue;
            }
            length = IpDetector.MatchV4(text, i);
            if (length > 0) matches.Add(new PiiMatch(i, length, PiiType.Ip));
            i = length > 0 ? i + length : runEnd;
        }
    }

    /// <summary>'+', '＋' or '(' — an international or bracketed number may start here. Returns where to continue.</summary>
    private static int ScanPhoneOpening(ReadOnlySpan<char> text, int i, int digits, ref MatchList matches)
    {
        if (digits < PhoneDetector.MinDigits || !Chars.IsLeftBoundary(text, i)) return i + 1;
        if (text[i] == '(' && i + 1 < text.Length && Chars.IsDigit(text[i + 1]))
        {
            var bracketed = PhoneDetector.MatchBracketedNorthAmerican(text, i);
            if (bracketed > 0 && !OrderContext.IsLabelled(text, i)) matches.Add(new PiiMatch(i, bracketed, PiiType.Phone));
            return i + Math.Max(1, bracketed);
        }
        var (start, length) = PhoneDetector.MatchInternational(text, i);
        if (length == 0) return i + 1;
        matches.Add(new PiiMatch(start, length, PiiType.Phone));
        return start + length;
    }

    private static void ScanIpv6(ReadOnlySpan<char> text, ref MatchList matches)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsAsciiHexDigit(c) && c != ':') continue;
            if (i > 0 && (char.IsAsciiLetterOrDigit(text[i - 1]) || text[i - 1] is ':' or '_' or '.')) continue;
            var length = IpDetector.MatchV6(text, i);
            if (length == 0) continue;
            matches.Add(new PiiMatch(i, length, PiiType.Ip));
            i += length - 1;
        }
    }

    private void FindCustom(ReadOnlySpan<char> text, ref MatchList matches)
    {
        for (var p = 0; p < _custom.Length; p++)
        {
            try
            {
                foreach (var m in _custom[p].Regex.EnumerateMatches(text))
                    if (m.Length > 0) matches.Add(new PiiMatch(m.Index, m.Length, PiiType.Custom, p));
            }
            catch (RegexMatchTimeoutException ex)
            {
                throw new PiiRedactionTimeoutException(_custom[p].Name, ex);
            }
        }
    }

    private RedactionResult Build(string text, ReadOnlySpan<PiiMatch> items)
    {
        var counts = new int[(int)PiiType.Custom + _custom.Length];
        var length = text.Length;
        foreach (var m in items)
        {
            length += MarkerOf(m).Length - m.Length;
            counts[m.Type == PiiType.Custom ? (int)PiiType.Custom + m.CustomIndex : (int)m.Type]++;
        }
        var buffer = ArrayPool<char>.Shared.Rent(length);
        try
        {
            var written = 0;
            var from = 0;
            foreach (var m in items)
            {
                text.AsSpan(from, m.Start - from).CopyTo(buffer.AsSpan(written));
                written += m.Start - from;
                var marker = MarkerOf(m);
                marker.CopyTo(buffer.AsSpan(written));
                written += marker.Length;
                from = m.End;
            }
            text.AsSpan(from).CopyTo(buffer.AsSpan(written));
            written += text.Length - from;
            return new RedactionResult(new string(buffer, 0, written), counts);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private string MarkerOf(PiiMatch m) => m.Type == PiiType.Custom ? _custom[m.CustomIndex].Marker : PiiTypes.Marker(m.Type);

    /// <summary>Digits in the text (ASCII and full-width); <paramref name="wide"/> tells whether any is full-width.</summary>
    private static int CountDigits(ReadOnlySpan<char> text, out bool wide)
    {
        wide = false;
        var count = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c)) count++;
            else if (c is >= '\uFF10' and <= '\uFF19')
            {
                count++;
                wide = true;
            }
        }
        return count;
    }

    private static CompiledPiiPattern[] Compile(List<CustomPiiPattern> definitions, TimeSpan timeout, out List<PiiPatternError> errors)
    {
        errors = [];
        var compiled = new List<CompiledPiiPattern>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            var pattern = CompiledPiiPattern.TryCompile(definition, timeout, out var error);
            if (pattern is not null && !names.Add(pattern.Name)) error = CodedMessage.Of(PiiPatternProblem.NameTaken, pattern.Name);
            if (error is not null) errors.Add(new PiiPatternError(definition.Name ?? "", definition.Pattern ?? "", error));
            else compiled.Add(pattern!);
        }
        return [.. compiled];
    }
}
