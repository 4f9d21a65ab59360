using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using PuoAiOps.Application.Admin;
using PuoAiOps.Web.Auth;
using PuoAiOps.Web.Shell;

namespace PuoAiOps.Web.Components.Admin;

public partial class UsersPage
{
    /// <summary>Query flag set by the new-user page, so the list can say who was created.</summary>
    public const string CreatedFlag = "created";

    private const string AllRoles = "";
    private static readonly int[] PageSizes = [25, 50, 100];

    private MudDataGrid<UserSummary> _grid = default!;
    private string? _search;
    private string _role = AllRoles;
    private string? _selfId;
    private bool _busy;
    private int _attempts;
    private WorkspaceTime _time = WorkspaceTime.Utc;

    [Inject] private IServiceScopeFactory Scopes { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private WorkspaceClock Clock { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [SupplyParameterFromQuery(Name = CreatedFlag)] private string? CreatedId { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _selfId = (await AuthenticationState).User.UserId();
        _time = await Clock.CurrentAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || CreatedId is null) return;
        var created = await Scopes.RunAsync<UserAdminService, UserSummary?>(s => s.GetAsync(CreatedId));
        if (created is not null) Snackbar.Add(T["Users.CreatedNotice", created.DisplayName, created.Email], Severity.Success);
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter(CreatedFlag, (string?)null), replace: true);
    }

    private async Task<GridData<UserSummary>> LoadAsync(GridState<UserSummary> state, CancellationToken ct)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var query = new UserListQuery(_search, _role == AllRoles ? null : _role, null, SortOf(sort?.SortBy), sort?.Descending ?? false,
            state.Page + 1, state.PageSize);
        var page = await Scopes.RunAsync<UserAdminService, UserListPage>(s => s.PageAsync(query, ct));
        return new GridData<UserSummary> { Items = page.Rows, TotalItems = page.Total };
    }

    private static UserSort SortOf(string? column) => column switch
    {
        nameof(UserSummary.DisplayName) => UserSort.Name,
        nameof(UserSummary.Email) => UserSort.Email,
        nameof(UserSummary.CreatedAt) => UserSort.Created,
        _ => UserSort.Status,
    };

    private Task SearchAsync(string? search)
    {
        _search = search;
        return _grid.ReloadServerData();
    }

    private Task FilterRoleAsync(string? role)
    {
        _role = role ?? AllRoles;
        return _grid.ReloadServerData();
    }

    private async Task ChangeRoleAsync(UserSummary user, string? role)
    {
        if (role is null || role == user.Role) return;
        var confirmed = await Dialogs.ShowMessageBoxAsync(T["Users.ChangeRole.Title"],
            T["Users.ChangeRole.Message", user.DisplayName, Shell["Role." + role]], yesText: T["Users.ChangeRole.Yes"], cancelText: T["Cancel"]);
        if (confirmed != true)
        {
            _attempts++; // puts the select back
            await _grid.ReloadServerData();
            return;
        }
        await RunAsync((admin, actor) => admin.ChangeRoleAsync(actor, user.Id, role), T["Users.RoleChanged", user.DisplayName, Shell["Role." + role]]);
    }

    private async Task SetDisabledAsync(UserSummary user, bool disabled)
    {
        if (disabled)
        {
            var confirmed = await Dialogs.ShowMessageBoxAsync(T["Users.Disable.Title"], T["Users.Disable.Message", user.DisplayName],
                yesText: T["Users.Disable"], cancelText: T["Cancel"]);
            if (confirmed != true) return;
        }
        await RunAsync((admin, actor) => admin.SetDisabledAsync(actor, user.Id, disabled),
            disabled ? T["Users.DisabledNotice", user.DisplayName] : T["Users.EnabledNotice", user.DisplayName]);
    }

    private async Task RunAsync(Func<UserAdminService, Application.Common.Actor, Task<UserCommandResult>> command, string notice)
    {
        _busy = true;
        try
        {
            var actor = (await AuthenticationState).User.ToActor();
            var result = await Scopes.RunAsync<UserAdminService, UserCommandResult>(s => command(s, actor));
            if (result.Succeeded) Snackbar.Add(notice, Severity.Success);
            else foreach (var message in UserErrorText.Describe(T, result)) Snackbar.Add(message, Severity.Error);
        }
        finally
        {
            _busy = false;
        }
        _attempts++;
        await _grid.ReloadServerData();
    }

    private static string Initial(string name) =>
        name.Length == 0 ? "?" : name[..System.Globalization.StringInfo.GetNextTextElementLength(name)].ToUpperInvariant();
}
