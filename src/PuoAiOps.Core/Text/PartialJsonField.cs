using System.Globalization;
using System.Text;

namespace PuoAiOps.Core.Text;

/// <summary>
/// Reads one string field of a JSON object while the object is still arriving (a model's answer
/// streamed token by token): <c>{"answer":"Parents can a</c> gives <c>Parents can a</c>. What it
/// returns is always a prefix of the field's final value, so a reader watching it grow never sees
/// text taken back. Only top-level fields count (a nested object's field of the same name, or the
/// name inside another string, is not it), and text before the first <c>{</c> (a code fence) is skipped.
/// </summary>
public static class PartialJsonField
{
    /// <summary>What was read: the value so far, and whether its closing quote has arrived.</summary>
    public readonly record struct Reading(string Value, bool Complete);

    /// <summary>The field's string value so far, or null while the field has not started (or is not a string).</summary>
    public static Reading? ReadString(string partial, string name)
    {
        ArgumentNullException.ThrowIfNull(partial);
        var i = partial.IndexOf('{', StringComparison.Ordinal);
        if (i < 0) return null;
        i++;
        while (true)
        {
            // A key, a colon, a value; then a comma or the end of the object.
            i = SkipSpace(partial, i);
            if (i >= partial.Length || partial[i] != '"') return null;
            var key = ReadQuoted(partial, ref i);
            if (!key.Complete) return null;
            i = SkipSpace(partial, i);
            if (i >= partial.Length || partial[i] != ':') return null;
            i = SkipSpace(partial, i + 1);
            if (i >= partial.Length) return null;
            if (string.Equals(key.Value, name, StringComparison.Ordinal))
                return partial[i] == '"' ? ReadQuoted(partial, ref i) : null;
            if (!SkipValue(partial, ref i)) return null;
            i = SkipSpace(partial, i);
            if (i >= partial.Length || partial[i] != ',') return null;
            i++;
        }
    }

    private static int SkipSpace(string s, int i)
    {
        while (i < s.Length && s[i] is ' ' or '\t' or '\r' or '\n') i++;
        return i;
    }

    /// <summary>Skips one complete value (string, number, literal, object or array); false when it has not fully arrived.</summary>
    private static bool SkipValue(string s, ref int i)
    {
        var depth = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '"')
            {
                if (!ReadQuoted(s, ref i).Complete) return false;
                if (depth == 0) return true;
                continue;
            }
            if (c is '{' or '[') depth++;
            else if (c is '}' or ']')
            {
                if (depth == 0) return true; // the end of the enclosing object: the value before it is done
                depth--;
                if (depth == 0) { i++; return true; }
            }
            else if (depth == 0 && c is ',' or ' ' or '\t' or '\r' or '\n') return true;
            i++;
        }
        return false;
    }

    /// <summary>
    /// Decodes a quoted string from its opening quote; <paramref name="i"/> ends after the closing
    /// quote. An escape cut off by the end of the input, and a high surrogate whose partner has not
    /// arrived, are left out, so the text read is always a prefix of the final one.
    /// </summary>
    private static Reading ReadQuoted(string s, ref int i)
    {
        var text = new StringBuilder();
        i++;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '"')
            {
                i++;
                return new Reading(text.ToString(), true);
            }
            if (c != '\\')
            {
                text.Append(c);
                i++;
                continue;
            }
            if (i + 1 >= s.Length) break;
            var e = s[i + 1];
            if (e == 'u')
            {
                if (i + 6 > s.Length) break;
                if (!int.TryParse(s.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)) break;
                text.Append((char)code);
                i += 6;
                continue;
            }
            text.Append(e switch { 'n' => '\n', 'r' => '\r', 't' => '\t', 'b' => '\b', 'f' => '\f', _ => e });
            i += 2;
        }
        i = s.Length;
        if (text.Length > 0 && char.IsHighSurrogate(text[^1])) text.Length--;
        return new Reading(text.ToString(), false);
    }
}
