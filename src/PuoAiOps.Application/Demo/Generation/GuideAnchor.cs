using System.Text;

namespace PuoAiOps.Application.Demo.Generation;

/// <summary>
/// The anchor a Markdown renderer gives a heading (GitHub style: lower case, punctuation dropped,
/// spaces to hyphens), so an intent's GuideRef opens its section in annotation-guides/.
/// </summary>
internal static class GuideAnchor
{
    public static string For(string heading)
    {
        var sb = new StringBuilder(heading.Length);
        foreach (var ch in heading.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(ch) || ch is '-' or '_') sb.Append(ch);
            else if (ch == ' ') sb.Append('-');
        }
        return sb.ToString();
    }
}
