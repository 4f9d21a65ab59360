using PuoAiOps.Web.Taxonomy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MudBlazor;
using PuoAiOps.Web.Shell;
using PuoAiOps.Application.Ai;
using PuoAiOps.Application.Classification;
using PuoAiOps.Application.Classification.Registry;
using PuoAiOps.Application.Common;
using PuoAiOps.Web.Auth;
using PuoAiOps.Web.Classification;
using PuoAiOps.Web.Localization;

namespace PuoAiOps.Web.Components.Classification;

public sealed partial class VersionPage
{
    [Inject] private IServiceScopeFactory Scopes { get; set; } = default!;
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    /// <summary>Set while prerendering only (null over the circuit).</summary>
    [CascadingParameter] private HttpContext? HttpContext { get; set; }
    [Inject] private IStringLocalizer<ClassificationText> T { get; set; } = default!;
    [Inject] private AiChatClientProvider Ai { get; set; } = default!;
    [Inject] private IOptions<ClassifierOptions> Options { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Parameter] public long Id { get; set; }

    private ModelVersionDetail? _detail;
    private IntentNames _names = IntentNames.Empty;
    private long? _servingId;
    private bool _canPromote, _loaded, _busy;
    private int _folds = 5;

    protected override async Task OnParametersSetAsync()
    {
        _canPromote = (await Authorization.AuthorizeAsync((await AuthenticationState).User, Policies.Review)).Succeeded;
        _folds = Options.Value.CrossValidationFolds;
        await LoadAsync();
        _loaded = true;
        // Prerendering answers 404 (the status-code page takes over); over the circuit the message above shows.
        if (_detail is null) NotFoundInShell.Answer(HttpContext);
    }

    private async Task LoadAsync()
    {
        (_detail, _servingId, _names) = await Scopes.RunAsync<(ModelVersionDetail?, long?, IntentNames)>(async services =>
        {
            var registry = services.GetRequiredService<ModelRegistry>();
            var detail = await registry.GetAsync(Id);
            if (detail is null) return (null, null, IntentNames.Empty);
            var names = new IntentNames(await services.GetRequiredService<IntentNameReader>().NamesAsync(Locales.Reader()), T["OutOfScope"]);
            return (detail, await registry.ServingIdAsync(), names);
        });
    }

    private async Task ReloadAsync()
    {
        await LoadAsync();
        StateHasChanged();
    }

    private async Task PromoteAsync()
    {
        if (_detail?.Summary is not { } version) return;
        if (!await VersionPromotion.ConfirmAsync(Dialogs, T, version)) return;
        _busy = true;
        try
        {
            await VersionPromotion.PromoteAsync(Scopes, Snackbar, T, ConsoleActor.Of((await AuthenticationState).User), version.Id);
        }
        finally
        {
            _busy = false;
        }
        await ReloadAsync();
    }
}
