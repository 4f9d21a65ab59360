using PuoAiOps.Core.Messages;

namespace PuoAiOps.Core.Scripts;

/// <summary>Links only to allowed hosts, over http(s): users must never be sent somewhere we do not run.</summary>
internal static class LinkChecks
{
    public static void Run(IReadOnlyList<(int Start, int End, string Url)> links, StyleRules rules, List<LintFinding> findings)
    {
        foreach (var (start, end, url) in links)
        {
            var candidate = url.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? "https://" + url : url;
            if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                findings.Add(new(LintRules.LinkDomain, LintSeverity.Error, CodedMessage.Of(LintMessage.LinkNotAbsolute, Shorten(url)), start, end));
                continue;
            }
            if (!rules.AllowedLinkDomains.Any(d => Allowed(uri.Host, d)))
            {
                var text = rules.AllowedLinkDomains.Count == 0
                    ? CodedMessage.Of(LintMessage.LinkNoDomainAllowed, uri.Host)
                    : CodedMessage.Of(LintMessage.LinkDomainNotAllowed, uri.Host, string.Join(", ", rules.AllowedLinkDomains));
                findings.Add(new(LintRules.LinkDomain, LintSeverity.Error, text, start, end));
            }
        }
    }

    private static bool Allowed(string host, string domain)
    {
        domain = domain.Trim().TrimStart('.');
        return domain.Length > 0 && (host.Equals(domain, StringComparison.OrdinalIgnoreCase)
            || host.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase));
    }

    private static string Shorten(string url) => url.Length <= 60 ? url : url[..57] + "...";
}
