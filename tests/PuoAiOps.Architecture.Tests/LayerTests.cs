using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Architecture.Tests;

/// <summary>The rules of docs/architecture.md, checked on the assemblies as built.</summary>
public sealed class LayerTests
{
    private static readonly string Core = typeof(PuoAiOps.Core.Text.TextNormalizer).Assembly.Location;
    private static readonly string Application = typeof(PuoDbContext).Assembly.Location;
    private static readonly string Web = typeof(Program).Assembly.Location;

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
    public void Web_UsesNoEntityFramework()
    {
        var users = LayerRules.WebRuleViolations(Web);
        Assert.True(users.Count == 0,
            "Pages and endpoints call Application services; move these reads or writes into one:" + Environment.NewLine +
            LayerRules.Describe(users, users.Keys));
    }

    [Fact]
    public void Web_UsesTheEncodersOnlyInItsCompositionRoot()
    {
        var violations = LayerRules.EncoderRuleViolations(Web);
        Assert.True(violations.Count == 0,
            "Only Program wires the sentence encoder in (builder.AddEncoders()); use IEmbeddingGenerator instead:" + Environment.NewLine +
            LayerRules.Describe(violations, violations.Keys));
        // The reference is real and seen: without this the rule would pass on a console that never registers the encoder.
        Assert.Contains(LayerRules.CompositionRoot, LayerRules.EncoderUsers(Web).Keys);
    }
}
