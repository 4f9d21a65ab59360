using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PuoAiOps.Application.Bot;

public enum ScreenVerdict { Clean, Injection, Abuse }

/// <summary>What the screen found, and the rule that found it (for the trace).</summary>
public sealed record ScreenResult(ScreenVerdict Verdict, string? Rule)
{
    public static ScreenResult Clean { get; } = new(ScreenVerdict.Clean, null);
}

/// <summary>
/// Screens user messages and SOP passages for prompt injection and abuse before anything reaches the
/// LLM. Deterministic rules over several views of the text: as written, normalized (NFKC folds
/// full-width letters, zero-width and bidi characters removed, lower case), URL-decoded, with
/// <c>\uXXXX</c> escapes decoded, and every base64 run decoded, so an encoded instruction is seen
/// like a plain one. A flagged message may still get an approved script (fixed text that cannot leak
/// anything), but never an LLM answer; a flagged passage is never shown to the LLM or the user.
/// </summary>
public static partial class InjectionScreen
{
    public static ScreenResult Check(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var view in Views(text))
        {
            if (Injection().Match(view) is { Success: true } m) return new(ScreenVerdict.Injection, "injection: " + Trim(m.Value));
            if (InjectionZh().Match(view) is { Success: true } z) return new(ScreenVerdict.Injection, "injection: " + Trim(z.Value));
            if (Markup().Match(view) is { Success: true } k) return new(ScreenVerdict.Injection, "markup: " + Trim(k.Value));
            if (Abuse().Match(view) is { Success: true } a) return new(ScreenVerdict.Abuse, "abuse: " + Trim(a.Value));
        }
        return ScreenResult.Clean;
    }

    /// <summary>The text as written, normalized, and each decoding of it that changes something.</summary>
    internal static IEnumerable<string> Views(string text)
    {
        var normal = Normalize(text);
        yield return normal;
        var url = Normalize(SafeUrlDecode(text));
        if (url != normal) yield return url;
        var escapes = Normalize(UnicodeEscape().Replace(text, m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString()));
        if (escapes != normal) yield return escapes;
        foreach (Match run in Base64Run().Matches(text))
            if (TryBase64(run.Value) is { } decoded) yield return Normalize(decoded);
        var squeezed = Spaced().Replace(normal, "");
        if (squeezed != normal) yield return squeezed;
    }

    internal static string Normalize(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.Format) continue; // zero-width joiners, bidi marks, soft hyphens
            builder.Append(char.ToLowerInvariant(c));
        }
        return WhiteSpace().Replace(builder.ToString(), " ");
    }

    private static string SafeUrlDecode(string text)
    {
        try { return Uri.UnescapeDataString(text.Replace('+', ' ')); }
        catch (UriFormatException) { return text; }
    }

    private static string? TryBase64(string run)
    {
        var padded = run.Replace('-', '+').Replace('_', '/');
        padded = padded.PadRight(padded.Length + (4 - padded.Length % 4) % 4, '=');
        var buffer = new byte[padded.Length];
        if (!Convert.TryFromBase64String(padded, buffer, out var written)) return null;
        var decoded = Encoding.UTF8.GetString(buffer, 0, written);
        // Only text that decodes to mostly printable characters is a hidden message.
        var printable = decoded.Count(c => !char.IsControl(c) || c is '\n' or '\r' or '\t');
        return written > 0 && printable >= decoded.Length * 0.9 ? decoded : null;
    }

    private static string Trim(string value) => value.Length <= 60 ? value : value[..60];

    [GeneratedRegex(@"\b(ignore|disregard|forget|override|bypass)\b.{0,40}\b(previous|prior|above|earlier|all|any|your|the|these|system)\b.{0,30}\b(instructions?|rules?|prompts?|directions?|guidelines?)\b"
        + @"|\b(reveal|show|print|repeat|output|display|leak|tell me|what is|what are|give me)\b.{0,30}\b(system prompt|system message|hidden (prompt|instructions?)|initial (prompt|instructions?)|your (instructions|prompt|rules)|developer (message|prompt)|canary)\b"
        + @"|\byou are (now|no longer)\b|\bact as (an? )?(unfiltered|unrestricted|jailbroken|dan|developer)\b|\b(developer|god|dan|jailbreak) mode\b|\bdo anything now\b"
        + @"|\bnew (instructions?|rules?|system prompt)\s*:|\bbegin (system|admin) (prompt|message)\b|\b(system|assistant)\s*:\s*|\bpretend (you|to be)\b.{0,40}\b(no|without) (rules|restrictions|limits)\b"
        + @"|\bend of (passages?|sop|context|document)\b|\bwhen (you|the assistant) (reads?|sees?) this\b|\b(assistant|ai|model|bot)s? (must|should) (now )?(say|answer|reply|respond|tell)\b",
        RegexOptions.CultureInvariant | RegexOptions.Singleline | RegexOptions.NonBacktracking)]
    private static partial Regex Injection();

    [GeneratedRegex(@"(忽略|无视|忘记|忘掉|跳过|绕过|不要理会|不要遵守).{0,12}(之前|以上|上面|前面|先前|所有|全部|系统|原来|原有)?.{0,6}(指令|指示|规则|提示|设定|要求|命令)"
        + @"|(显示|输出|告诉我|透露|泄露|打印|重复|给我看|说出).{0,10}(系统提示|系统指令|系统消息|提示词|隐藏指令|初始指令|你的指令|你的规则|金丝雀)"
        + @"|(你现在是|你不再是|扮演一个?没有限制|开发者模式|越狱模式|解除限制)"
        + @"|(新的?指令|新的?规则|系统提示)\s*[:：]|(助手|机器人|模型|ai)(必须|应该|要)(回答|回复|说|告诉)",
        RegexOptions.CultureInvariant | RegexOptions.Singleline | RegexOptions.NonBacktracking)]
    private static partial Regex InjectionZh();

    /// <summary>Chat-template and prompt-markup tokens that have no place in a support question.</summary>
    [GeneratedRegex(@"<\s*/?\s*(message|system|assistant|im_start|im_end|\|im_start\||\|im_end\||passage|passages|user_question)\b|<\|[a-z_]+\|>|\[/?inst\]|<<\s*sys\s*>>|\{\{\s*\$",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Markup();

    [GeneratedRegex(@"\b(i will|i'?ll|gonna|going to) (kill|hurt|find|murder) you\b|\b(kill yourself|kys)\b|\bfuck(ing)? (you|off)\b|(我要杀了你|杀了你|去死吧?|弄死你|草泥马|操你妈)",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Abuse();

    [GeneratedRegex(@"[A-Za-z0-9+/_-]{16,}={0,2}")]
    private static partial Regex Base64Run();

    [GeneratedRegex(@"\\u([0-9a-fA-F]{4})")]
    private static partial Regex UnicodeEscape();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    /// <summary>"i g n o r e" → "ignore": single letters separated by single spaces, squeezed.</summary>
    [GeneratedRegex(@"(?<=\b\w) (?=\w\b)")]
    private static partial Regex Spaced();
}
