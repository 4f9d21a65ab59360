namespace PuoAiOps.Web.Localization;

/// <summary>Strings of the taxonomy pages (TaxonomyText.resx, TaxonomyText.zh-CN.resx).</summary>
public sealed class TaxonomyText;
