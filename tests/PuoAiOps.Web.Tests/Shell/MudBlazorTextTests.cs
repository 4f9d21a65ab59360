using System.Collections;
using System.Globalization;
using System.Linq.Expressions;
using System.Resources;
using System.Text.RegularExpressions;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor;
using MudBlazor.Services;
using PuoAiOps.Web.Localization;

namespace PuoAiOps.Web.Tests.Shell;

/// <summary>
/// MudBlazor's own texts through <see cref="ConsoleMudLocalizer"/>: every key MudBlazor has gets Chinese with the
/// same placeholders, a Chinese data grid's pager reads in Chinese, an English one in MudBlazor's English, and a key
/// the console has no text for falls back to MudBlazor's English.
/// </summary>
public sealed partial class MudBlazorTextTests
{
    public sealed record Row(int Id);

    [Fact]
    public void MudText_HasChineseWithTheSamePlaceholders_ForEveryMudBlazorKey()
    {
        var mud = MudBlazorEnglish();
        Assert.NotEmpty(mud);
        var localizer = NewLocalizer();
        var problems = new List<string>();
        using (new UiCulture("zh-CN"))
        {
            foreach (var (key, english) in mud)
            {
                var text = localizer[key];
                if (text.ResourceNotFound) problems.Add($"{key}: no text");
                else if (!Regex.IsMatch(text.Value, @"\p{IsCJKUnifiedIdeographs}") && text.Value == english && Regex.IsMatch(english, "[A-Za-z]{3,}")) problems.Add($"{key}: still English");
                else if (!Placeholders(text.Value).SequenceEqual(Placeholders(english))) problems.Add($"{key}: placeholders {string.Join(",", Placeholders(text.Value))}, MudBlazor's {string.Join(",", Placeholders(english))}");
                else _ = string.Format(CultureInfo.CurrentCulture, text.Value, [.. Enumerable.Range(0, 4).Select(i => (object)i)]);
            }
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void ConsoleMudLocalizer_AnswersNotFound_ForAKeyItHasNoTextFor()
    {
        using var culture = new UiCulture("zh-CN");
        var text = NewLocalizer()["MudSomethingNew_Label"];
        Assert.True(text.ResourceNotFound);
        Assert.Equal("MudSomethingNew_Label", text.Value);
    }

    [Theory]
    [InlineData("zh-CN", "每页行数：", "第 1-10 条，共 55 条")]
    [InlineData("en-US", "Rows per page:", "1-10 of 55")]
    public async Task DataGridPager_ReadsInThePagesLanguage(string culture, string rowsPerPage, string info)
    {
        using var ui = new UiCulture(culture);
        // MudBlazor's services dispose asynchronously only.
        await using var context = new BunitContext();
        context.Services.AddMudServices();
        context.Services.AddLocalization();
        context.Services.AddTransient<MudLocalizer, ConsoleMudLocalizer>();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Render<MudPopoverProvider>();

        var grid = context.Render<MudDataGrid<Row>>(p => p
            .Add(g => g.Items, Enumerable.Range(1, 55).Select(i => new Row(i)).ToList())
            .Add(g => g.Columns, (RenderFragment)(b =>
            {
                b.OpenComponent<PropertyColumn<Row, int>>(0);
                b.AddAttribute(1, nameof(PropertyColumn<Row, int>.Property), (Expression<Func<Row, int>>)(r => r.Id));
                b.CloseComponent();
            }))
            .Add(g => g.PagerContent, (RenderFragment)(b =>
            {
                b.OpenComponent<MudDataGridPager<Row>>(0);
                b.CloseComponent();
            })));

        var pager = grid.Find(".mud-table-pagination").TextContent;
        Assert.Contains(rowsPerPage, pager, StringComparison.Ordinal);
        Assert.Contains(info, pager, StringComparison.Ordinal);
    }

    private static ConsoleMudLocalizer NewLocalizer()
    {
        var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        return new ConsoleMudLocalizer(services.GetRequiredService<IStringLocalizer<MudBlazorText>>());
    }

    /// <summary>MudBlazor's built-in English texts, read from its assembly, so a MudBlazor update that adds a key fails here.</summary>
    private static Dictionary<string, string> MudBlazorEnglish()
    {
        var manager = new ResourceManager("MudBlazor.Resources.LanguageResource", typeof(MudButton).Assembly);
        var set = manager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true);
        Assert.NotNull(set);
        return set.Cast<DictionaryEntry>().Where(e => e.Value is string)
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);
    }

    private static List<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    /// <summary>Sets the current (UI) culture for a test's duration.</summary>
    private sealed class UiCulture : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture, _ui = CultureInfo.CurrentUICulture;

        public UiCulture(string name) => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _ui;
        }
    }
}
