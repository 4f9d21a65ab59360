using System.Buffers;
using System.Collections.Frozen;

namespace PuoAiOps.Core.Text.Redaction;

/// <summary>
/// Links that carry a credential: a query or fragment parameter named like a token, key, signature,
/// session, password or one-time code (with a value), or user:password before the host. Such a link
/// is replaced whole, because the rest of it (host, path) often identifies the account as well.
/// Links without credentials are left for the other detectors (an e-mail inside is still masked).
/// </summary>
internal static class UrlTokenDetector
{
    private static readonly SearchValues<string> Starts = SearchValues.Create(["http://", "https://", "www."], StringComparison.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ExactNames = new[]
    {
        "token", "access_token", "refresh_token", "id_token", "auth", "auth_token", "authorization", "key", "apikey",
        "api_key", "api-key", "sig", "signature", "session", "sessionid", "session_id", "sid", "ssid", "password",
        "passwd", "pwd", "pass", "code", "auth_code", "secret", "client_secret", "ticket", "jwt", "otp", "pin",
        "verify_code", "verification_code", "captcha", "credential", "credentials", "private_key", "accesskey",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly string[] NameFragments = ["token", "secret", "passw", "signature", "session", "apikey", "api_key", "access_key", "credential"];

    public static bool MayContain(ReadOnlySpan<char> text) => text.IndexOfAny(Starts) >= 0;

    public static void Find(ReadOnlySpan<char> text, ref MatchList matches)
    {
        var from = 0;
        while (from < text.Length)
        {
            var rel = text[from..].IndexOfAny(Starts);
            if (rel < 0) return;
            var start = from + rel;
            var end = UrlEnd(text, start);
            if (start > 0 && char.IsAsciiLetterOrDigit(text[start - 1]))
            {
                from = start + 1;
                continue;
            }
            if (CarriesCredential(text[start..end])) matches.Add(new PiiMatch(start, end - start, PiiType.Url));
            from = Math.Max(end, start + 1);
        }
    }

    private static int UrlEnd(ReadOnlySpan<char> text, int start)
    {
        var i = start;
        var openParens = 0;
        while (i < text.Length)
        {
            var c = text[i];
            // Non-ASCII ends the link: Chinese text is often glued straight after it.
            if (c <= ' ' || c > '~' || c is '"' or '<' or '>' or '`' or '{' or '}' or '|' or '\\' or '^') break;
            if (c == '(') openParens++;
            if (c == ')' && --openParens < 0) break;
            i++;
        }
        while (i > start && text[i - 1] is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or ')' or ']')
        {
            if (text[i - 1] == ')' && text[start..i].Count('(') >= text[start..i].Count(')')) break;
            i--;
        }
        return i;
    }

    internal static bool CarriesCredential(ReadOnlySpan<char> url)
    {
        var schemeEnd = url.IndexOf("://");
        var authorityStart = schemeEnd < 0 ? 0 : schemeEnd + 3;
        var authorityEnd = url[authorityStart..].IndexOfAny('/', '?', '#');
        var authority = authorityEnd < 0 ? url[authorityStart..] : url.Slice(authorityStart, authorityEnd);
        var at = authority.LastIndexOf('@');
        if (at > 0 && authority[..at].Contains(':')) return true;

        var paramsStart = url.IndexOfAny('?', '#');
        if (paramsStart < 0) return false;
        var rest = url[(paramsStart + 1)..];
        while (!rest.IsEmpty)
        {
            var sep = rest.IndexOfAny("&;?#");
            var pair = sep < 0 ? rest : rest[..sep];
            var eq = pair.IndexOf('=');
            if (eq > 0 && eq < pair.Length - 1 && IsSensitiveName(pair[..eq])) return true;
            if (sep < 0) break;
            rest = rest[(sep + 1)..];
        }
        return false;
    }

    private static bool IsSensitiveName(ReadOnlySpan<char> name)
    {
        if (ExactNames.Contains(name)) return true;
        foreach (var fragment in NameFragments)
            if (name.Contains(fragment, StringComparison.OrdinalIgnoreCase)) return true;
        // Signed cloud links: X-Amz-Signature, X-Goog-Credential and the like.
        return name.StartsWith("x-amz-", StringComparison.OrdinalIgnoreCase) || name.StartsWith("x-goog-", StringComparison.OrdinalIgnoreCase);
    }
}
