using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace PuoAiOps.Encoders;

/// <summary>
/// The one place a host wires the sentence encoder in: its composition root calls this, and
/// everything else (knowledge search, ingestion, the bot's retrieval) sees only
/// <see cref="IEmbeddingGenerator{TInput,TEmbedding}"/> from Microsoft.Extensions.AI.
/// </summary>
public static class EncoderDependencyInjection
{
    /// <summary>Binds <c>Encoders</c> and registers the encoder it names; a bad value stops the host at start with the path named.</summary>
    public static IHostApplicationBuilder AddEncoders(this IHostApplicationBuilder builder)
    {
        var options = new EncoderOptions();
        try
        {
            builder.Configuration.GetSection(EncoderOptions.SectionName).Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException($"{EncoderOptions.SectionName}:SentenceEncoder must be MiniLm or None, and {EncoderOptions.SectionName}:Precision Int8 or Float32.", ex);
        }
        builder.Services.AddEncoderServices(options);
        return builder;
    }

    /// <summary>
    /// The same for hosts without an application builder (the CLI). Registered with TryAdd, so an
    /// embedding generator registered earlier (an OpenAI-compatible endpoint) takes precedence. The
    /// model itself loads on first use, not at registration.
    /// </summary>
    public static IServiceCollection AddEncoderServices(this IServiceCollection services, EncoderOptions? options = null)
    {
        options ??= new EncoderOptions();
        var errors = options.Validate().ToList();
        if (errors.Count > 0) throw new InvalidOperationException(string.Join(" ", errors));
        if (options.SentenceEncoder == SentenceEncoderKind.None) return services;
        services.TryAddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(_ => MiniLmEmbeddingGenerator.SharedFor(options.Precision));
        return services;
    }
}
