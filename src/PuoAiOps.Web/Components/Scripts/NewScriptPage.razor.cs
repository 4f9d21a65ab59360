using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Scripts;
using PuoAiOps.Core.Scripts;
using PuoAiOps.Web.Auth;
using PuoAiOps.Web.Localization;

namespace PuoAiOps.Web.Components.Scripts;

public partial class NewScriptPage
{
    private readonly DraftModel _model = new();
    private ScriptIntentChoice? _intent;
    // New text is most likely in the reader's own language.
    private string _locale = CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal) ? ScriptLocales.Chinese : ScriptLocales.English;
    private string _channel = ScriptChannels.Im;
    private bool _busy;
    private bool _tried;

    [Inject] private IServiceScopeFactory Scopes { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>Pre-filled from a coverage gap's "write a script" link.</summary>
    [SupplyParameterFromQuery(Name = "intent")] private string? IntentKey { get; set; }

    [SupplyParameterFromQuery(Name = "locale")] private string? Locale { get; set; }

    protected override async Task OnInitializedAsync()
    {
        if (ScriptLocales.IsKnown(Locale)) _locale = Locale!;
        if (string.IsNullOrWhiteSpace(IntentKey)) return;
        await using var scope = Scopes.CreateAsyncScope();
        _intent = (await scope.ServiceProvider.GetRequiredService<ScriptDirectory>().IntentsAsync(IntentKey, 200)).FirstOrDefault(i => i.Key == IntentKey);
    }

    /// <summary>Intents by key, names in both languages and description (the same search as everywhere a script picks an intent).</summary>
    private async Task<IEnumerable<ScriptIntentChoice>> SearchIntentsAsync(string? text, CancellationToken ct)
    {
        await using var scope = Scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ScriptDirectory>().IntentsAsync(text, 20, ct);
    }

    private static string IntentLabel(ScriptIntentChoice? choice) => choice?.Key ?? "";

    private async Task CreateAsync(DraftModel model)
    {
        _tried = true;
        if (_intent is null) return;
        _busy = true;
        try
        {
            var actor = (await AuthenticationState).User.ToActor();
            await using var scope = Scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ScriptEditor>().CreateAsync(
                new NewScriptInput(_intent.Key, _locale, _channel, model.Title, model.ToDraft(null), model.TagList()), actor);
            var errors = result.Findings.Count(f => f.Severity == LintSeverity.Error);
            Snackbar.Add(T["New.Created", errors, result.Findings.Count - errors], errors > 0 ? Severity.Warning : Severity.Success);
            Navigation.NavigateTo($"/scripts/{result.ScriptId}");
        }
        catch (Exception ex) when (ex is ValidationException or ForbiddenException or ConflictException or NotFoundException)
        {
            Snackbar.Add(T["Error." + ex.GetType().Name, T.WordRefusal(ex)], Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }
}
