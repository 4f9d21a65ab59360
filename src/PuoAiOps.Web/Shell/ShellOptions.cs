using Microsoft.Extensions.Options;

namespace PuoAiOps.Web.Shell;

/// <summary>Settings of the interactive console shell (section <c>Console:Shell</c>).</summary>
public sealed class ShellOptions
{
    public const string SectionName = "Console:Shell";

    /// <summary>
    /// How often an open circuit re-checks its user (exists, enabled, same security stamp and roles).
    /// At most a minute: a disabled user or a changed role must take effect within that time.
    /// </summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);

    internal sealed class Validator : IValidateOptions<ShellOptions>
    {
        public ValidateOptionsResult Validate(string? name, ShellOptions options) =>
            options.RevalidationInterval <= TimeSpan.Zero || options.RevalidationInterval > TimeSpan.FromMinutes(1)
                ? ValidateOptionsResult.Fail($"{SectionName}:RevalidationInterval must be more than 0 and at most 00:01:00 (got {options.RevalidationInterval}).")
                : ValidateOptionsResult.Success;
    }
}
