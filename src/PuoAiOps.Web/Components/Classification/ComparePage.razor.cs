using PuoAiOps.Web.Taxonomy;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using PuoAiOps.Web.Shell;
using PuoAiOps.Application.Classification.Registry;
using PuoAiOps.Web.Classification;
using PuoAiOps.Web.Classification.Charts;
using PuoAiOps.Web.Localization;

namespace PuoAiOps.Web.Components.Classification;

public sealed partial class ComparePage
{
    [Inject] private IServiceScopeFactory Scopes { get; set; } = default!;

    /// <summary>Set while prerendering only (null over the circuit).</summary>
    [CascadingParameter] private HttpContext? HttpContext { get; set; }
    [Inject] private IStringLocalizer<ClassificationText> T { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "a")] private long? A { get; set; }
    [SupplyParameterFromQuery(Name = "b")] private long? B { get; set; }

    private IReadOnlyList<ModelVersionSummary> _versions = [];
    private ModelComparison? _comparison;
    private IntentNames _names = IntentNames.Empty;
    private object _chart = new();
    private bool _loaded, _missing;

    protected override async Task OnParametersSetAsync()
    {
        (_versions, _comparison, _names) = await Scopes.RunAsync<(IReadOnlyList<ModelVersionSummary>, ModelComparison?, IntentNames)>(async services =>
        {
            var registry = services.GetRequiredService<ModelRegistry>();
            var versions = await registry.ListAsync();
            var comparison = A is { } a && B is { } b ? await registry.CompareAsync(a, b) : null;
            var names = new IntentNames(await services.GetRequiredService<IntentNameReader>().NamesAsync(Locales.Reader()), T["OutOfScope"]);
            return (versions, comparison, names);
        });
        _missing = A is not null && B is not null && _comparison is null;
        if (_comparison is not null) _chart = ComparisonChart.Option(_comparison, _names, T);
        _loaded = true;
        // Versions that do not exist answer 404 when prerendered; over the circuit the notice above says so.
        if (_missing) NotFoundInShell.Answer(HttpContext);
    }

    private string Tokens(ModelVersionDetail v) =>
        v.Report.Usage is { } u ? $"{Fmt.Count(u.InputTokens)} / {Fmt.Count(u.OutputTokens)}" : T["Compare.Offline"];

    private string Cost(ModelVersionDetail v) => v.Report.Usage switch
    {
        null => T["Compare.Offline"],
        { EstimatedCost: { } c } => $"{c.ToString("0.####", System.Globalization.CultureInfo.CurrentCulture)} {v.Settings.Llm?.Currency}",
        _ => T["Usage.NoPrices"],
    };
}
