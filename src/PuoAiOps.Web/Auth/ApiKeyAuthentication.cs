using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Admin;

namespace PuoAiOps.Web.Auth;

/// <summary>
/// API keys for the service channels' bot API: <c>Authorization: Bearer puo_…</c> or <c>X-Api-Key: puo_…</c>.
/// The console's default scheme forwards here only when a request carries a key, so a browser
/// session and a key never mix. A key principal carries no console role: it satisfies only
/// <see cref="Policies.BotApi"/>.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyAuthenticator keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string KeyIdClaim = "puo:api_key_id";
    public const string RateClaim = "puo:api_key_rate";
    /// <summary>The console's default scheme: the API key handler when a key is presented, else the session cookie.</summary>
    public const string SelectorScheme = "Console";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (PresentedKey(Request) is not { } secret) return AuthenticateResult.NoResult();
        var key = await keys.AuthenticateAsync(secret, Context.RequestAborted);
        if (key is null) return AuthenticateResult.Fail("The API key is not valid or has been revoked.");
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, "apikey:" + key.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, key.Name),
            new(KeyIdClaim, key.Id.ToString(CultureInfo.InvariantCulture)),
        ];
        if (key.RequestsPerMinute is { } rate) claims.Add(new Claim(RateClaim, rate.ToString(CultureInfo.InvariantCulture)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"puo\", error=\"invalid_token\"";
        await Results.Problem(statusCode: 401, title: "The API key is not valid or has been revoked.").ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        await Results.Problem(statusCode: 403, title: "This API key may not use this endpoint.").ExecuteAsync(Context);

    /// <summary>The key in the request, if any (the bearer token only when it looks like one of ours).</summary>
    public static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var header) && header.ToString() is { Length: > 0 } direct) return direct.Trim();
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer " + ApiKeyService.KeyPrefix, StringComparison.Ordinal) ? authorization["Bearer ".Length..].Trim() : null;
    }

    public static void Add(AuthenticationBuilder builder)
    {
        builder.AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(SchemeName, null);
        builder.AddPolicyScheme(SelectorScheme, null, o =>
            o.ForwardDefaultSelector = http => PresentedKey(http.Request) is null ? IdentityConstants.ApplicationScheme : SchemeName);
    }
}
