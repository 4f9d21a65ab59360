using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PuoAiOps.Application.Taxonomy;
using PuoAiOps.Application.Taxonomy.Changes;
using PuoAiOps.Application.Taxonomy.Yaml;

// In the root namespace, beside AddPersistence, so Program.cs reads as one list of Add* calls.
namespace PuoAiOps.Application;

public static class TaxonomyDependencyInjection
{
    /// <summary>Taxonomy reads, the proposal/review workflow and YAML import/export. Needs <c>AddPersistence</c>.</summary>
    public static IHostApplicationBuilder AddTaxonomy(this IHostApplicationBuilder builder)
    {
        builder.Services.AddTaxonomyServices();
        return builder;
    }

    /// <summary>The same registrations for hosts without an application builder (the CLI's service container).</summary>
    public static IServiceCollection AddTaxonomyServices(this IServiceCollection services)
    {
        services.AddScoped<TaxonomyService>();
        services.AddScoped<TaxonomyCounts>();
        services.AddScoped<IntentQueries>();
        services.AddScoped<TaxonomyChangeService>();
        services.AddScoped<TaxonomyYaml>();
        return services;
    }
}
