namespace PuoAiOps.Web.Localization;

/// <summary>
/// MudBlazor's own texts — the data grid's pager ("Rows per page:", "1-10 of 55"), its filter and column menus,
/// pickers, uploads, converters — under MudBlazor's keys (MudBlazorText.resx, MudBlazorText.zh-CN.resx), asked for by
/// <see cref="ConsoleMudLocalizer"/>. Placeholders are <c>{0}</c>-style: MudBlazor formats them with <c>string.Format</c>.
/// </summary>
public sealed class MudBlazorText;
