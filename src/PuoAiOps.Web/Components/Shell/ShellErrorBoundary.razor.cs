using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace PuoAiOps.Web.Components.Shell;

/// <summary>
/// Catches an exception thrown by an interactive page, logs it (with the stack, never shown to the
/// reader) and shows a plain message in the reader's language; the rest of the shell keeps working.
/// </summary>
public partial class ShellErrorBoundary
{
    [Inject] private ILogger<ShellErrorBoundary> Logger { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    protected override Task OnErrorAsync(Exception exception)
    {
        LogPageError(Logger, new Uri(Navigation.Uri).AbsolutePath, exception);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An interactive page failed at {Path}.")]
    private static partial void LogPageError(ILogger logger, string path, Exception exception);
}
