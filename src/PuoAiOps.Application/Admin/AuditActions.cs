namespace PuoAiOps.Application.Admin;

/// <summary>
/// Action names written to the audit log by the user administration: one vocabulary whether the
/// change came from the console, the REST API or the command line.
/// </summary>
public static class AuditActions
{
    public const string WorkspaceSetup = "workspace.setup";
    public const string UserCreated = "user.created";
    public const string UserDisabled = "user.disabled";
    public const string UserEnabled = "user.enabled";
    public const string UserRoleChanged = "user.role-changed";
    public const string UserEntity = "User";
}
