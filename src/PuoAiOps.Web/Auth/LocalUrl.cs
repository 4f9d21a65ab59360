using System.Text;

namespace PuoAiOps.Web.Auth;

/// <summary>
/// Where to send someone after sign-in or sign-out: same-site paths only (no open redirects), and
/// always as a valid ASCII <c>Location</c> header. A path with non-ASCII characters (<c>/礼</c>, as
/// the query string decodes <c>%E7%A4%BC</c>) is percent-encoded again; one with control characters
/// (header injection, or a browser dropping a tab to read <c>/\t/evil</c> as <c>//evil</c>) goes home,
/// and so does one with a <c>.</c> or <c>..</c> segment: <c>/a/..//evil</c> resolves to <c>//evil</c>.
/// </summary>
public static class LocalUrl
{
    public static string OrHome(string? url)
    {
        if (string.IsNullOrEmpty(url) || url[0] != '/') return "/";
        if (url.Length > 1 && (url[1] == '/' || url[1] == '\\')) return "/";
        if (url.Contains("://", StringComparison.Ordinal)) return "/";
        if (HasDotSegment(url)) return "/";

        StringBuilder? encoded = null;
        Span<byte> utf8 = stackalloc byte[4];
        var i = 0;
        foreach (var rune in url.EnumerateRunes())
        {
            if (Rune.IsControl(rune)) return "/";
            var plain = rune.IsAscii && rune.Value is > 0x20 and < 0x7F && rune.Value != '\\';
            if (plain)
            {
                encoded?.Append((char)rune.Value);
            }
            else
            {
                // Spaces, backslashes and non-ASCII text as UTF-8 percent escapes (a lone surrogate as U+FFFD).
                encoded ??= new StringBuilder(url.Length * 3).Append(url, 0, i);
                var length = rune.EncodeToUtf8(utf8);
                foreach (var b in utf8[..length]) encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            i += rune.Utf16SequenceLength;
        }
        return encoded?.ToString() ?? url;
    }

    /// <summary>True when the path (before any query or fragment) has a "." or ".." segment, escaped or not.</summary>
    private static bool HasDotSegment(string url)
    {
        var end = url.AsSpan().IndexOfAny('?', '#');
        var path = end < 0 ? url : url[..end];
        foreach (var segment in path.Split('/', '\\'))
        {
            var plain = segment.Replace("%2e", ".", StringComparison.OrdinalIgnoreCase);
            if (plain is "." or "..") return true;
        }
        return false;
    }
}
