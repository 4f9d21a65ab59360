using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using PuoAiOps.Application.Scripts;

// In the root namespace, beside AddPersistence, so Program.cs reads as one list of Add* calls.
namespace PuoAiOps.Application;

public static class ScriptsDependencyInjection
{
    /// <summary>Reply scripts: library, editing and review, style rules, insights, standardizing, files. Needs <c>AddPersistence</c>.</summary>
    public static IHostApplicationBuilder AddScripts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScriptsServices();
        return builder;
    }

    /// <summary>The same registrations for hosts without an application builder (the CLI's service container).</summary>
    public static IServiceCollection AddScriptsServices(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<StyleRuleSettings>();
        services.AddScoped<ScriptEditor>();
        services.AddScoped<ScriptReview>();
        services.AddScoped<ScriptLibrary>();
        services.TryAddSingleton<ServedScriptCache>();
        services.AddScoped<ScriptInsights>();
        services.AddScoped<ScriptFiles>();
        services.AddScoped<ScriptDirectory>();
        services.AddScoped<Scripts.AgentReplies.AgentReplyImporter>();
        services.AddScoped<Scripts.AgentReplies.AgentReplyQueries>();
        // The model rewrite only where the console's AI setup is registered and an LLM is configured.
        services.AddScoped(sp => new ScriptStandardizeService(
            sp.GetRequiredService<Persistence.PuoDbContext>(), sp.GetRequiredService<StyleRuleSettings>(),
            sp.GetService<IScriptRewriter>() ?? (sp.GetService<Ai.AiChatClientProvider>() is { IsConfigured: true } ai
                ? new SemanticKernelScriptRewriter(ai, sp.GetRequiredService<Ai.Prompts.PromptLibrary>())
                : null)));
        return services;
    }
}
