using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Ai;

namespace PuoAiOps.Application.Tests.Ai;

/// <summary>Each provider's required settings, with messages naming the setting that is wrong.</summary>
public sealed class AiOptionsTests
{
    [Fact]
    public void Options_NameTheSettingThatIsWrong()
    {
        Assert.Empty(new AiOptions().Validate());
        Assert.Contains("Ai:Model is required when Ai:Provider is OpenAI (Azure: the deployment name).", new AiOptions { Provider = AiProvider.OpenAI, ApiKey = "k" }.Validate());
        Assert.Contains(new AiOptions { Provider = AiProvider.OpenAI, Model = "m" }.Validate(), e => e.StartsWith("Ai:ApiKey is required when Ai:Provider is OpenAI", StringComparison.Ordinal));
        Assert.Contains(new AiOptions { Provider = AiProvider.OpenAI, Model = "m", BaseUrl = "http://localhost:11434/v1" }.Validate(), e => e.Contains("use Provider OpenAICompatible", StringComparison.Ordinal));
        Assert.Empty(new AiOptions { Provider = AiProvider.OpenAICompatible, Model = "m", BaseUrl = "http://localhost:11434/v1" }.Validate());
        Assert.Contains(new AiOptions { Provider = AiProvider.OpenAICompatible, Model = "m" }.Validate(), e => e.StartsWith("Ai:Endpoint is required when Ai:Provider is OpenAICompatible", StringComparison.Ordinal));
        Assert.Contains(new AiOptions { Provider = AiProvider.AzureOpenAI, Model = "m", ApiKey = "k" }.Validate(), e => e.StartsWith("Ai:Endpoint is required when Ai:Provider is AzureOpenAI", StringComparison.Ordinal));
        // No key for Azure means Entra ID: valid.
        Assert.Empty(new AiOptions { Provider = AiProvider.AzureOpenAI, Model = "dep", Endpoint = "https://res.openai.azure.com" }.Validate());
        Assert.True(new AiOptions { Provider = AiProvider.AzureOpenAI, Model = "dep", Endpoint = "https://res.openai.azure.com" }.UsesEntraId);
        Assert.Contains(new AiOptions { Provider = AiProvider.OpenAI, Model = "m", ApiKey = "k", Endpoint = "ftp://x" }.Validate(), e => e.StartsWith("Ai:Endpoint must be", StringComparison.Ordinal));
        Assert.Contains("Ai:ApiVersion applies to AzureOpenAI only (Provider is OpenAI).", new AiOptions { Provider = AiProvider.OpenAI, Model = "m", ApiKey = "k", ApiVersion = "2024-10-21" }.Validate());
        Assert.Contains(new AiOptions { Provider = AiProvider.AzureOpenAI, Model = "m", Endpoint = "https://r.openai.azure.com", ApiVersion = "latest" }.Validate(), e => e.StartsWith("Ai:ApiVersion must look like", StringComparison.Ordinal));
        Assert.Contains("Ai:Endpoint llm.internal would receive the key or token in clear text: use an https:// URL.",
            new AiOptions { Provider = AiProvider.OpenAICompatible, Model = "m", ApiKey = "k", Endpoint = "http://llm.internal/v1" }.Validate());
        Assert.Empty(new AiOptions { Provider = AiProvider.OpenAICompatible, Model = "m", Endpoint = "http://llm.internal/v1" }.Validate());
        Assert.Contains("Ai:TimeoutSeconds must be between 1 and 600.", new AiOptions { TimeoutSeconds = 0 }.Validate());
        Assert.Contains("Ai:MaxRetryAfterSeconds must be between 0 and 600.", new AiOptions { MaxRetryAfterSeconds = -1 }.Validate());
    }

    [Fact]
    public void AnApiVersionTheConnectorDoesNotKnow_FailsAtStartUp_WithTheSettingNamed()
    {
        var services = new ServiceCollection().AddAiServices();
        services.Configure<AiOptions>(o =>
        {
            o.Provider = AiProvider.AzureOpenAI;
            o.Endpoint = "https://res.openai.azure.com";
            o.ApiKey = "k";
            o.Model = "dep";
            o.ApiVersion = "2019-01-01";
        });
        using var provider = services.BuildServiceProvider();
        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AiOptions>>().Value);
        Assert.Contains("Ai:ApiVersion '2019-01-01'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AzureEndpoints_AreReducedToTheResourceUrl()
    {
        foreach (var configured in new[] { "https://res.openai.azure.com", "https://res.openai.azure.com/", "https://res.openai.azure.com/openai/v1/", "https://res.openai.azure.com/openai" })
            Assert.Equal(new Uri("https://res.openai.azure.com/"), AiConnector.ResolveEndpoint(new AiOptions { Provider = AiProvider.AzureOpenAI, Endpoint = configured }));
        Assert.Equal(AiConnector.OpenAiDefaultEndpoint, AiConnector.ResolveEndpoint(new AiOptions { Provider = AiProvider.OpenAI }));
    }
}
