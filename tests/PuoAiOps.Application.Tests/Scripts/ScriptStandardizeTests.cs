using Microsoft.Extensions.Options;
using PuoAiOps.Application.Ai;
using PuoAiOps.Application.Ai.Prompts;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Scripts;
using PuoAiOps.Application.Tests.Infrastructure;
using PuoAiOps.Core.Scripts;

namespace PuoAiOps.Application.Tests.Scripts;

/// <summary>
/// Standardizing a free-form answer: offline by rules, and through the Semantic Kernel prompt
/// function (prompts/standardize.prompt.yaml) against a real HTTP server speaking OpenAI's
/// chat-completions format. Personal data never reaches the model; the result is always linted.
/// </summary>
public sealed class ScriptStandardizeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Answer = "Hi Tom, your order 12345678 will be refunded, we guarantee it. Write to tom.lee@example.com if not. Top up again at https://help.puo.example/refunds";

    [Fact]
    public async Task Offline_TurnsPersonalDataLinksAndOrderNumbersIntoVariables_AndLintsTheDraft()
    {
        await using var bed = await ScriptTestBed.CreateAsync();
        await using var s = bed.Open();
        var service = new ScriptStandardizeService(s.Db, new StyleRuleSettings(s.Db));
        Assert.False(service.CanUseModel);
        var draft = await service.StandardizeAsync(Answer, "en", ScriptChannels.Im, Ct);
        Assert.False(draft.ModelUsed);
        Assert.DoesNotContain("tom.lee@example.com", draft.Script.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("12345678", draft.Script.Body, StringComparison.Ordinal);
        Assert.Contains(draft.Script.Variables, v => v.Name == "order_id");
        Assert.DoesNotContain(draft.Findings, f => f.Rule is LintRules.UndeclaredVariable or LintRules.PersonalData);
        await Assert.ThrowsAsync<ValidationException>(() => service.StandardizeAsync(" ", "en", ScriptChannels.Im, Ct));
        await Assert.ThrowsAsync<ValidationException>(() => service.StandardizeAsync(Answer, "fr", ScriptChannels.Im, Ct));
    }

    [Fact]
    public async Task WithAModel_SendsOnlyThePlaceholderText_AndLintsTheRewrite()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Reply = _ => Task.FromResult(FakeReply.Content("\"Hello {{user_name}}! We guarantee a refund for order {{order_id}} within 3 days. Ask us at {{customer_email}}.\""));
        await using var bed = await ScriptTestBed.CreateAsync();
        await using var s = bed.Open();
        var (service, ai) = WithModel(s, server);
        using var _ = ai;
        Assert.True(service.CanUseModel);

        var draft = await service.StandardizeAsync(Answer, "en", ScriptChannels.Im, Ct);

        Assert.True(draft.ModelUsed);
        var request = Assert.Single(server.Requests);
        Assert.Equal("fake-gpt", request.Model);
        Assert.DoesNotContain("tom.lee@example.com", request.User, StringComparison.Ordinal);
        Assert.DoesNotContain("12345678", request.User, StringComparison.Ordinal);
        Assert.Contains("{{order_id}}", request.User, StringComparison.Ordinal);
        Assert.Contains("guarantee", request.System, StringComparison.Ordinal); // the banned phrases are in the rules
        Assert.Contains("{{order_id}}", request.System, StringComparison.Ordinal); // the literal braces of the template
        Assert.StartsWith("Hello {{user_name}}!", draft.Script.Body, StringComparison.Ordinal);
        Assert.Contains("rewritten by the language model", draft.Script.Changes);
        // The rewrite went through the rules again: every placeholder is declared, the banned phrase is linted or replaced.
        Assert.Equal(ScriptPlaceholders.Names(draft.Script.Body).Order(StringComparer.Ordinal), draft.Script.Variables.Select(v => v.Name).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(draft.Findings, f => f.Rule == LintRules.UndeclaredVariable);
    }

    [Fact]
    public async Task WhenTheModelFails_TheOfflineDraftIsReturned_WithTheProblemSaid()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Reply = _ => Task.FromResult(new FakeReply("", Status: 500));
        await using var bed = await ScriptTestBed.CreateAsync();
        await using var s = bed.Open();
        var (service, ai) = WithModel(s, server);
        using var _ = ai;

        var draft = await service.StandardizeAsync(Answer, "en", ScriptChannels.Im, Ct);
        var offline = await new ScriptStandardizeService(s.Db, new StyleRuleSettings(s.Db)).StandardizeAsync(Answer, "en", ScriptChannels.Im, Ct);

        Assert.False(draft.ModelUsed);
        Assert.False(string.IsNullOrWhiteSpace(draft.ModelProblem));
        Assert.Equal(offline.Script.Body, draft.Script.Body);
        var notAsked = await service.StandardizeAsync(Answer, "en", ScriptChannels.Im, useModel: false, Ct);
        Assert.Null(notAsked.ModelProblem);
    }

    private static (ScriptStandardizeService, AiChatClientProvider) WithModel(ScriptTestBed.Services s, FakeOpenAiServer server)
    {
        var options = Options.Create(new AiOptions { Provider = AiProvider.OpenAI, Endpoint = server.V1, ApiKey = "sk-test", Model = "fake-gpt", TimeoutSeconds = 5, MaxRetries = 0 });
        var ai = new AiChatClientProvider(options, TimeProvider.System);
        return (new ScriptStandardizeService(s.Db, new StyleRuleSettings(s.Db), new SemanticKernelScriptRewriter(ai, new PromptLibrary(options))), ai);
    }
}
