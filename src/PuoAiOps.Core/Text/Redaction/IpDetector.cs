namespace PuoAiOps.Core.Text.Redaction;

/// <summary>IPv4 dotted quads and IPv6 addresses (full, "::"-compressed, with an embedded IPv4 tail).</summary>
internal static class IpDetector
{
    /// <summary>An IPv4 address starting at digit <paramref name="start"/>; 0 when none.</summary>
    public static int MatchV4(ReadOnlySpan<char> text, int start)
    {
        if (start > 0 && text[start - 1] == '.') return 0;
        var end = ParseV4(text, start);
        if (end == 0 || !Chars.IsRightBoundary(text, end)) return 0;
        // "1.2.3.4.5" is a version or an outline number, not an address.
        if (end + 1 < text.Length && text[end] == '.' && Chars.IsDigit(text[end + 1])) return 0;
        return end - start;
    }

    /// <summary>End index of a dotted quad at <paramref name="start"/>, or 0.</summary>
    private static int ParseV4(ReadOnlySpan<char> text, int start)
    {
        var i = start;
        for (var octet = 0; octet < 4; octet++)
        {
            if (octet > 0)
            {
                if (i >= text.Length || text[i] != '.') return 0;
                i++;
            }
            var digitsStart = i;
            var value = 0;
            while (i < text.Length && char.IsAsciiDigit(text[i]) && i - digitsStart < 3)
            {
                value = (value * 10) + (text[i] - '0');
                i++;
            }
            var length = i - digitsStart;
            if (length == 0 || value > 255 || (length > 1 && text[digitsStart] == '0')) return 0;
            if (i < text.Length && char.IsAsciiDigit(text[i])) return 0;
        }
        return i;
    }

    /// <summary>
    /// An IPv6 address starting at <paramref name="start"/> (a hex digit or ':'); returns its length or 0.
    /// Times ("12:30:45") and MAC addresses (six groups) fail the group count.
    /// </summary>
    public static int MatchV6(ReadOnlySpan<char> text, int start)
    {
        var end = start;
        while (end < text.Length && (char.IsAsciiHexDigit(text[end]) || text[end] is ':' or '.')) end++;
        // A sentence may end right after the address, or a port/label follow a single colon.
        while (end > start && (text[end - 1] == '.' || (text[end - 1] == ':' && (end - 2 < start || text[end - 2] != ':')))) end--;
        if (end - start < 3 || !Chars.IsRightBoundary(text, end)) return 0;
        return IsV6(text[start..end]) ? end - start : 0;
    }

    private static bool IsV6(ReadOnlySpan<char> s)
    {
        var compressed = s.IndexOf("::");
        if (compressed < 0) return CountGroups(s, v4TailAllowed: true) == 8;
        if (s[(compressed + 1)..].IndexOf("::") >= 0) return false;
        var head = CountGroups(s[..compressed], v4TailAllowed: false);
        var tail = CountGroups(s[(compressed + 2)..], v4TailAllowed: true);
        // Hex-only words around "::" ("a::b", "dead::beef") are rarely addresses; real ones carry digits.
        return head >= 0 && tail >= 0 && head + tail is >= 1 and <= 7 && s.IndexOfAnyInRange('0', '9') >= 0;
    }

    /// <summary>Groups in a colon-separated part (an IPv4 tail counts two); -1 when malformed.</summary>
    private static int CountGroups(ReadOnlySpan<char> part, bool v4TailAllowed)
    {
        if (part.IsEmpty) return 0;
        var groups = 0;
        while (true)
        {
            var colon = part.IndexOf(':');
            var group = colon < 0 ? part : part[..colon];
            if (colon < 0 && v4TailAllowed && group.Contains('.'))
                return ParseV4(group, 0) == group.Length ? groups + 2 : -1;
            if (group.Length is 0 or > 4 || !IsHex(group)) return -1;
            groups++;
            if (colon < 0) return groups;
            part = part[(colon + 1)..];
        }
    }

    private static bool IsHex(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
            if (!char.IsAsciiHexDigit(c)) return false;
        return true;
    }
}
