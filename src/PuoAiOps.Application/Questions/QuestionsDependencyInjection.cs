using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace PuoAiOps.Application.Questions;

public static class QuestionsDependencyInjection
{
    /// <summary>Question import (section "Import", validated at start), its search catch-up, the admin PII pattern store and the question/import-run reads.</summary>
    public static IHostApplicationBuilder AddQuestionImport(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ImportOptions>()
            .Bind(builder.Configuration.GetSection(ImportOptions.SectionName))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ImportOptions>, ImportOptionsValidator>();
        builder.Services.AddScoped<PiiPatternStore>();
        builder.Services.AddScoped<QuestionImportService>();
        builder.Services.AddScoped<QuestionSearchCatchUp>();
        // Indexes an import's rows for search after they are stored (a host runs it; the CLI catches up itself).
        builder.Services.AddSingleton<QuestionSearchCatchUpSignal>();
        builder.Services.AddHostedService<QuestionSearchCatchUpService>();
        builder.Services.AddScoped<QuestionBrowser>();
        return builder;
    }

    private sealed class ImportOptionsValidator : IValidateOptions<ImportOptions>
    {
        public ValidateOptionsResult Validate(string? name, ImportOptions options)
        {
            var errors = options.Validate().ToList();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
