using Microsoft.Extensions.Localization;
using MudBlazor;

namespace PuoAiOps.Web.Localization;

/// <summary>
/// Gives MudBlazor the console's Chinese for its own texts. MudBlazor asks a registered <see cref="MudLocalizer"/>
/// only when the UI culture is not English, and shows its built-in English for any answer marked
/// <see cref="LocalizedString.ResourceNotFound"/>. So a key without a Chinese text must come back not found (never
/// as an empty string or as the bare key marked found, which would blank the pager or print the key), and a text
/// must keep MudBlazor's <c>{0}</c> placeholders exactly: MudBlazor formats the answer with <c>string.Format</c>, and
/// a brace it does not expect throws while the grid renders.
/// </summary>
public sealed class ConsoleMudLocalizer(IStringLocalizer<MudBlazorText> texts) : MudLocalizer
{
    public override LocalizedString this[string key]
    {
        get
        {
            var text = texts[key];
            return text.ResourceNotFound || string.IsNullOrEmpty(text.Value) ? new LocalizedString(key, key, resourceNotFound: true) : text;
        }
    }
}
