using System.Net;

namespace PuoAiOps.Web.Hosting;

/// <summary>
/// Configuration section "Proxy": the reverse proxies (TLS terminators, load balancers) whose
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> headers are believed. Nobody else's are: a
/// client could otherwise claim another address (escaping the sign-in limits) or a scheme.
/// Empty (the default): forwarded headers are ignored.
/// </summary>
public sealed class ProxyOptions
{
    public const string SectionName = "Proxy";

    /// <summary>Addresses of trusted proxies, e.g. <c>10.0.0.5</c>, <c>::1</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR form, e.g. <c>10.0.0.0/24</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a chain are unwrapped (each must be trusted).</summary>
    public int ForwardLimit { get; set; } = 1;

    public bool Enabled => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    public IEnumerable<IPAddress> Proxies() => KnownProxies.Select(p => IPAddress.Parse(p.Trim()));

    public IEnumerable<IPNetwork> Networks() => KnownNetworks.Select(n => IPNetwork.Parse(n.Trim()));

    /// <summary>Start-up validation with messages that name the configuration path.</summary>
    public IEnumerable<string> Validate()
    {
        for (var i = 0; i < KnownProxies.Count; i++)
            if (!IPAddress.TryParse(KnownProxies[i]?.Trim(), out _))
                yield return $"{SectionName}:KnownProxies:{i} ('{KnownProxies[i]}') is not an IP address.";
        for (var i = 0; i < KnownNetworks.Count; i++)
            if (!IPNetwork.TryParse(KnownNetworks[i]?.Trim(), out _))
                yield return $"{SectionName}:KnownNetworks:{i} ('{KnownNetworks[i]}') is not a network in CIDR form (e.g. 10.0.0.0/24).";
        if (ForwardLimit is < 1 or > 10) yield return $"{SectionName}:ForwardLimit must be between 1 and 10.";
    }
}
