using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace PuoAiOps.Application.SignIn;

public static class SignInDependencyInjection
{
    /// <summary>Lockout rules, sign-in limits and unlocking; <c>SignIn</c> settings validated at start-up.</summary>
    public static IServiceCollection AddSignInProtection(this IServiceCollection services, IConfiguration? configuration = null)
    {
        var options = services.AddOptions<SignInOptions>();
        if (configuration is not null) options.Bind(configuration.GetSection(SignInOptions.SectionName));
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SignInOptions>, SignInOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SignInThrottle>();
        services.TryAddSingleton<PasswordWorkEqualizer>();
        services.TryAddScoped<AccountUnlockService>();
        return services;
    }

    private sealed class SignInOptionsValidator : IValidateOptions<SignInOptions>
    {
        public ValidateOptionsResult Validate(string? name, SignInOptions options)
        {
            var errors = options.Validate().ToList();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
