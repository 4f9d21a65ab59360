namespace PuoAiOps.Application.Taxonomy.Yaml;

/// <summary>How large a taxonomy file the console accepts.</summary>
public static class TaxonomyImportLimits
{
    /// <summary>A whole taxonomy is a few hundred kilobytes; anything near this limit is not one.</summary>
    public const long MaxYamlBytes = 8 * 1024 * 1024;
}
