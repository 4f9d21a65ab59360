using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Ai;
using PuoAiOps.Application.Metrics;

namespace PuoAiOps.Cli.Commands;

/// <summary>The metrics services for `puo metrics` and `puo report`, configured like the console: Metrics__* environment variables.</summary>
internal static class MetricsServices
{
    /// <param name="withAi">Also bind and validate the "Ai" section (Ai__* variables), for the LLM judge.</param>
    public static async Task<ServiceProvider> BuildAsync(CliContext ctx, CancellationToken ct, bool withAi = false)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var options = new MetricsOptions();
        configuration.GetSection(MetricsOptions.SectionName).Bind(options);
        var errors = options.Validate().ToList();
        if (errors.Count > 0) throw new CliUsageException(string.Join(Environment.NewLine, errors));
        return await CliServices.BuildAsync(ctx, builder =>
        {
            if (withAi) builder.AddAi();
            builder.Services.AddMetricsServices();
            builder.Services.AddSingleton(Options.Create(options));
        }, ct);
    }

    public static DateOnly ParseDay(string? text, string option)
    {
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
            throw new CliUsageException($"{option} must be a date like 2026-12-05, not '{text}'.");
        return day;
    }
}
