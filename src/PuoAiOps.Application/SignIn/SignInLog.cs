using Microsoft.Extensions.Logging;

namespace PuoAiOps.Application.SignIn;

internal static partial class SignInLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "User {UserId} locked out (lockout {Number} in a row) for {Duration}.")]
    public static partial void AccountLocked(ILogger logger, string userId, int number, TimeSpan duration);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} unlocked by {Actor}.")]
    public static partial void AccountUnlocked(ILogger logger, string userId, string actor);
}
