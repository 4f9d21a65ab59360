using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Ai.Prompts;
using PuoAiOps.Application.Common;

namespace PuoAiOps.Application.Ai;

public static class AiDependencyInjection
{
    /// <summary>The LLM endpoint (section "Ai", validated at start with messages naming the setting) and the prompt library.</summary>
    public static IHostApplicationBuilder AddAi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AiOptions>().BindStrictly(builder.Configuration.GetSection(AiOptions.SectionName)).ValidateOnStart();
        builder.Services.AddAiServices();
        return builder;
    }

    public static IServiceCollection AddAiServices(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AiOptions>, AiOptionsValidator>());
        services.TryAddSingleton<AiChatClientProvider>();
        services.TryAddSingleton<PromptLibrary>();
        return services;
    }

    private sealed class AiOptionsValidator : IValidateOptions<AiOptions>
    {
        public ValidateOptionsResult Validate(string? name, AiOptions options)
        {
            var errors = options.Validate().ToList();
            // The connector itself refuses some settings (an API version it does not know): build it once, offline.
            if (errors.Count == 0 && options.IsEnabled && AiConnector.Check(options) is { } refusal) errors.Add(refusal);
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
