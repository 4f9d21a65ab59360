using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Scripts;
using PuoAiOps.Core.Scripts;
using PuoAiOps.Web.Auth;
using PuoAiOps.Web.Localization;

namespace PuoAiOps.Web.Components.Scripts;

public partial class StyleRulesPage
{
    private IReadOnlyList<(string Locale, string Channel, StyleRules Rules, bool Customised)> _all = [];
    private string _pair = $"{ScriptLocales.English}/{ScriptChannels.Im}";
    private StyleRulesModel? _model;
    private bool _customised;
    private bool _busy;
    private List<string> _problems = [];

    [Inject] private IServiceScopeFactory Scopes { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private (string Locale, string Channel) Pair => (_pair.Split('/')[0], _pair.Split('/')[1]);

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        await using var scope = Scopes.CreateAsyncScope();
        _all = await scope.ServiceProvider.GetRequiredService<StyleRuleSettings>().ListAsync();
        var current = _all.First(r => $"{r.Locale}/{r.Channel}" == _pair);
        (_model, _customised, _problems) = (StyleRulesModel.From(current.Rules), current.Customised, []);
    }

    private async Task PickAsync(string pair)
    {
        _pair = pair;
        await LoadAsync();
    }

    private async Task SaveAsync()
    {
        var (rules, bad) = _model!.ToRules();
        _problems = [.. bad.Select(b => T["Rules.BadLine." + b.Split(':')[0], b.Split(':')[1]].Value), .. rules.Validate().Select(T.Word)];
        if (_problems.Count > 0) return;
        var (locale, channel) = Pair;
        if (await Dialogs.ShowMessageBoxAsync(T["Rules.Save"], T["Rules.Save.Confirm", T.Locale(locale), T.Channel(channel)], yesText: T["Rules.Save"], cancelText: T["Cancel"]) != true) return;
        await RunAsync(rules, "Rules.Saved");
    }

    private async Task ResetAsync()
    {
        var (locale, channel) = Pair;
        if (await Dialogs.ShowMessageBoxAsync(T["Rules.Reset"], T["Rules.Reset.Confirm", T.Locale(locale), T.Channel(channel)], yesText: T["Rules.Reset"], cancelText: T["Cancel"]) != true) return;
        await RunAsync(null, "Rules.ResetDone");
    }

    private async Task RunAsync(StyleRules? rules, string doneKey)
    {
        _busy = true;
        try
        {
            var (locale, channel) = Pair;
            var actor = (await AuthenticationState).User.ToActor();
            await using var scope = Scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<StyleRuleSettings>().SaveAsync(locale, channel, rules, actor);
            Snackbar.Add(T[doneKey], Severity.Success);
            await LoadAsync();
        }
        catch (Exception ex) when (ex is ValidationException or ForbiddenException)
        {
            Snackbar.Add(T["Error." + ex.GetType().Name, T.WordRefusal(ex)], Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }
}
