using System.Globalization;
using System.Text.Json;

namespace PuoAiOps.Core.Messages;

/// <summary>
/// A <see cref="CodedMessage"/> as stored text: its code as <c>&lt;enum&gt;.&lt;value&gt;</c> (the resource key)
/// and its arguments as a JSON array whose items keep their kind (<c>{"s":"…"}</c> text, <c>{"i":5}</c> whole
/// number, <c>{"n":0.93}</c> number, <c>{"d":"2026-12-06"}</c> date, <c>{"m":{...}}</c> a coded message), so a
/// stored <c>{0:P1}</c> formats as a percentage again and not as a string.
/// </summary>
public static class CodedMessageJson
{
    public static (string Code, string Args) Write(CodedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer)) WriteArgs(json, message);
        return (message.ResourceKey, System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>
    /// The message stored as <paramref name="code"/> and <paramref name="args"/>; null when the code is unknown
    /// to <paramref name="enumByName"/> (a code renamed since) or the text is not what <see cref="Write"/> wrote,
    /// so the caller falls back to the stored English.
    /// </summary>
    public static CodedMessage? Read(string? code, string? args, Func<string, Type?> enumByName)
    {
        ArgumentNullException.ThrowIfNull(enumByName);
        if (string.IsNullOrEmpty(code)) return null;
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrEmpty(args) ? "[]" : args);
            return Read(code, document.RootElement, enumByName);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    private static CodedMessage? Read(string code, JsonElement args, Func<string, Type?> enumByName)
    {
        var dot = code.LastIndexOf('.');
        if (dot <= 0 || enumByName(code[..dot]) is not { IsEnum: true } type) return null;
        if (!Enum.TryParse(type, code[(dot + 1)..], ignoreCase: false, out var value) || !Enum.IsDefined(type, value!)) return null;
        var values = new List<object>();
        foreach (var item in args.EnumerateArray())
        {
            var property = item.EnumerateObject().Single();
            object? arg = property.Name switch
            {
                "s" => property.Value.GetString() ?? "",
                "i" => property.Value.GetInt64(),
                "n" => property.Value.GetDouble(),
                "d" => DateOnly.Parse(property.Value.GetString()!, CultureInfo.InvariantCulture),
                "t" => property.Value.GetDateTime(),
                "m" => Read(property.Value.GetProperty("code").GetString()!, property.Value.GetProperty("args"), enumByName),
                _ => null,
            };
            if (arg is null) return null;
            values.Add(arg);
        }
        return CodedMessage.From((Enum)value!, [.. values]);
    }

    /// <summary>JSON cannot carry a lone surrogate (a broken file name could hold one): it becomes U+FFFD.</summary>
    private static string WellFormed(string text)
    {
        if (!text.Any(char.IsSurrogate)) return text;
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])) i++;
            else if (char.IsSurrogate(chars[i])) chars[i] = '\uFFFD';
        }
        return new string(chars);
    }

    private static void WriteArgs(Utf8JsonWriter json, CodedMessage message)
    {
        json.WriteStartArray();
        foreach (var arg in message.Args)
        {
            json.WriteStartObject();
            switch (arg)
            {
                case CodedMessage inner:
                    json.WriteStartObject("m");
                    json.WriteString("code", inner.ResourceKey);
                    json.WritePropertyName("args");
                    WriteArgs(json, inner);
                    json.WriteEndObject();
                    break;
                case byte or sbyte or short or ushort or int or uint or long:
                    json.WriteNumber("i", Convert.ToInt64(arg, CultureInfo.InvariantCulture));
                    break;
                case float or double or decimal or ulong when double.IsFinite(Convert.ToDouble(arg, CultureInfo.InvariantCulture)):
                    json.WriteNumber("n", Convert.ToDouble(arg, CultureInfo.InvariantCulture));
                    break;
                case DateOnly date:
                    json.WriteString("d", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    break;
                case DateTime time:
                    json.WriteString("t", time);
                    break;
                default:
                    // Names, keys, paths and enums are shown as text anyway.
                    json.WriteString("s", WellFormed(Convert.ToString(arg, CultureInfo.InvariantCulture) ?? ""));
                    break;
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
