using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Profile;
using PuoAiOps.Web.Auth;

namespace PuoAiOps.Web.Shell;

/// <summary>
/// The cookie is checked on every HTTP request, but an open circuit makes none: this re-checks the
/// circuit's user on a timer, so a disabled account or a changed role ends the interactive session
/// within <see cref="ShellOptions.RevalidationInterval"/> without a reload.
/// </summary>
internal sealed partial class CircuitAuthenticationRevalidator(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopes,
    IOptions<ShellOptions> shell,
    IOptions<IdentityOptions> identity)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<CircuitAuthenticationRevalidator>();

    protected override TimeSpan RevalidationInterval => shell.Value.RevalidationInterval;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        IsValidAsync(authenticationState, cancellationToken);

    /// <summary>The check the timer runs; callable directly so it is tested without waiting.</summary>
    internal async Task<bool> IsValidAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var principal = authenticationState.User;
        var userId = principal.UserId();
        if (userId is null) return false;
        // A scope per check: the circuit's own scope lives for hours, a DbContext should not.
        await using var scope = scopes.CreateAsyncScope();
        var current = await scope.ServiceProvider.GetRequiredService<UserSessionQuery>().GetAsync(userId, cancellationToken);
        var valid = SessionMatch.StillValid(principal, current, identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (!valid) LogCircuitSessionEnded(_logger, userId);
        return valid;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Interactive session of user {UserId} ended: account disabled, removed or changed.")]
    private static partial void LogCircuitSessionEnded(ILogger logger, string userId);
}
