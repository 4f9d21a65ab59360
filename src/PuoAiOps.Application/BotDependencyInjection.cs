using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Ai;
using PuoAiOps.Application.Bot;

namespace PuoAiOps.Application;

public static class BotDependencyInjection
{
    /// <summary>
    /// The Q&amp;A bot: answer pipeline, chat, feedback and conversation end (section "Bot", validated
    /// at start). Needs <c>AddPersistence</c>, <c>AddKnowledge</c>, <c>AddScripts</c> and the classifier (<c>AddClassification</c>).
    /// </summary>
    public static IHostApplicationBuilder AddBot(this IHostApplicationBuilder builder)
    {
        builder.Services.AddBotServices(o => builder.Configuration.GetSection(BotOptions.SectionName).Bind(o));
        return builder;
    }

    public static IServiceCollection AddBotServices(this IServiceCollection services, Action<BotOptions>? configure = null)
    {
        services.AddOptions<BotOptions>().Configure(o => configure?.Invoke(o)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotOptions>>(new OptionsValidator<BotOptions>(o => o.Validate()));
        services.TryAddSingleton(TimeProvider.System);
        services.AddAiServices();
        services.TryAddSingleton<BotRedactor>();
        services.TryAddSingleton<BotPrompts>();
        services.TryAddSingleton<Scripts.ServedScriptCache>();
        services.TryAddSingleton<BotKernelFactory>();
        services.TryAddSingleton<GroundedAnswerer>();
        services.TryAddScoped<BotClassifier>();
        services.TryAddScoped<BotPipeline>();
        services.TryAddSingleton<Bot.Storage.TurnWriter>();
        services.AddHostedService<Bot.Storage.TurnWriterShutdown>();
        services.TryAddScoped<ChatService>();
        services.TryAddScoped<ConversationCommands>();
        services.TryAddScoped<BotHealth>();
        services.TryAddSingleton<Admin.WorkspaceClock>();
        services.TryAddScoped<Admin.WorkspaceTimeZone>();
        services.TryAddScoped<Conversations.ConversationBrowser>();
        return services;
    }

    private sealed class OptionsValidator<T>(Func<T, IEnumerable<string>> validate) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var errors = validate(options).ToList();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
