using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace PuoAiOps.Application.Secrets;

public static class SecretsDependencyInjection
{
    /// <summary>The key for secrets at rest (section "Secrets", validated at start-up) and the service that uses it.</summary>
    public static IServiceCollection AddWorkspaceSecrets(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SecretsOptions>().Bind(configuration.GetSection(SecretsOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SecretsOptions>, SecretsOptionsValidator>();
        services.AddSingleton<WorkspaceSecrets>();
        services.AddScoped<SecretSealer>();
        return services;
    }

    private sealed class SecretsOptionsValidator : IValidateOptions<SecretsOptions>
    {
        public ValidateOptionsResult Validate(string? name, SecretsOptions options)
        {
            var errors = options.Validate().ToList();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
