using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Architecture.Tests;

/// <summary>The rules of docs/architecture.md, checked on the assemblies as built.</summary>
public sealed class LayerTests
{
    private static readonly string Core = typeof(PuoAiOps.Core.Text.TextNormalizer).Assembly.Location;
    private static readonly string Application = typeof(PuoDbContext).Assembly.Location;
    private static readonly string Web = typeof(Program).Assembly.Location;

    /// <summary>
    /// Web types still allowed to use EF, each with its reason. The list may only shrink: a type
    /// that no longer uses EF fails <see cref="Web_EachListedExceptionStillUsesEntityFramework"/>
    /// until it is taken off.
    /// </summary>
    private static readonly Dictionary<string, string> WebExceptions = new(StringComparer.Ordinal)
    {
        ["PuoAiOps.Web.Auth.AuthDependencyInjection"] = "Identity's EF stores are registered with the cookie setup; moves with the sign-in rework.",
        ["PuoAiOps.Web.Auth.SessionValidator"] = "per-request security-stamp read; moves to Application with the sign-in rework.",
        ["PuoAiOps.Web.Auth.WorkspaceSetupState"] = "first-user check of the setup gate; moves to Application with the sign-in rework.",
        ["PuoAiOps.Web.Hosting.DatabaseXmlRepository"] = "data-protection key ring store; moves to Application with the sign-in rework.",
    };

    [Fact]
    public void Core_ReferencesNoOtherPartOfTheProject()
    {
        var found = LayerRules.ForbiddenReferences(Core, LayerRules.IsOurs);
        Assert.True(found.Count == 0, $"PuoAiOps.Core must stay free of the other layers but references: {string.Join(", ", found)}");
    }

    [Fact]
    public void Application_ReferencesNeitherWebNorCli()
    {
        var found = LayerRules.ForbiddenReferences(Application, LayerRules.IsHostOrCli);
        Assert.True(found.Count == 0, $"PuoAiOps.Application must not depend on its hosts but references: {string.Join(", ", found)}");
    }

    [Fact]
    public void Web_UsesNoEntityFrameworkOutsideTheListedExceptions()
    {
        var users = LayerRules.EntityFrameworkUsers(Web);
        var unexpected = users.Keys.Where(t => !WebExceptions.ContainsKey(t)).ToList();
        Assert.True(unexpected.Count == 0,
            "Pages and endpoints call Application services; move these reads or writes into one:" + Environment.NewLine +
            LayerRules.Describe(users, unexpected));
    }

    [Fact]
    public void Web_EachListedExceptionStillUsesEntityFramework()
    {
        var users = LayerRules.EntityFrameworkUsers(Web);
        var cleared = WebExceptions.Keys.Where(t => !users.ContainsKey(t)).ToList();
        Assert.True(cleared.Count == 0, $"No longer use EF, take them off the exception list: {string.Join(", ", cleared)}");
    }
}
