using Microsoft.Extensions.Hosting;
using PuoAiOps.Encoders;

// Types that use the encoder assembly, for the rule that only the composition root may (decisions/0011).
// Scanned like the Web assembly; nothing calls them.
namespace PuoAiOps.Architecture.Tests.Fixtures;

/// <summary>A page or service that takes the concrete encoder instead of IEmbeddingGenerator.</summary>
public sealed class InjectsEncoder(MiniLmEmbeddingGenerator generator)
{
    public object Generator => generator;
}

/// <summary>Registration hidden in a feature's extension method rather than the composition root.</summary>
public static class CallsAddEncodersOutsideTheRoot
{
    public static IHostApplicationBuilder AddSearchConsole(this IHostApplicationBuilder builder) => builder.AddEncoders();
}

/// <summary>Stands for Program: the one type the rule is told to allow.</summary>
public static class WiresEncoderAsCompositionRoot
{
    public static void Compose(IHostApplicationBuilder builder) => builder.AddEncoders();
}
