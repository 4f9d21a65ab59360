using System.Globalization;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Profile;
using PuoAiOps.Testing;
using PuoAiOps.Web.Localization;
using PuoAiOps.Web.Navigation;

namespace PuoAiOps.Web.Tests.Shell;

/// <summary>Every English text has its Simplified Chinese one (and no Chinese text lacks its English key).</summary>
public sealed class ResourceCompletenessTests(ConsoleFixture console) : IClassFixture<ConsoleFixture>
{
    [Fact]
    public void EveryNeutralResource_HasACompleteZhCnTranslation()
    {
        // The tests always run from a checkout: a missing root is a failure, not a skip.
        var root = RepositoryPaths.Root();
        Assert.NotNull(root);
        var neutral = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.resx", SearchOption.AllDirectories)
            .Where(f => Path.GetFileNameWithoutExtension(f).IndexOf('.', StringComparison.Ordinal) < 0)
            .ToList();
        Assert.NotEmpty(neutral);
        var problems = new List<string>();
        foreach (var file in neutral)
        {
            var chinese = Path.ChangeExtension(file, ".zh-CN.resx");
            if (!File.Exists(chinese))
            {
                problems.Add($"{Path.GetRelativePath(root, file)}: no zh-CN file");
                continue;
            }
            problems.AddRange(TranslationGaps(Read(file), Read(chinese)).Select(p => $"{Path.GetRelativePath(root, file)}: {p}"));
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void TranslationGaps_NamesMissingEmptyAndExtraKeys()
    {
        var english = new Dictionary<string, string> { ["Save"] = "Save", ["Title"] = "My profile", ["Intro"] = "Hello" };
        var chinese = new Dictionary<string, string> { ["Save"] = "保存", ["Title"] = " ", ["Stale"] = "旧" };
        Assert.Equal(["empty zh-CN text for 'Title'", "missing zh-CN text for 'Intro'", "zh-CN key 'Stale' has no English text"],
            TranslationGaps(english, chinese));
    }

    [Fact]
    public void ShellTexts_CoverEveryNavEntrySectionAndRole_InBothLanguages()
    {
        var keys = NavCatalog.Items.Select(i => "Nav." + i.Title)
            .Concat(NavCatalog.Items.Select(i => i.Section).Where(s => s.Length > 0).Distinct().Select(s => "Section." + s))
            .Concat(Roles.All.Select(r => "Role." + r))
            .ToList();
        AssertTranslated<ShellText>(keys);
    }

    [Fact]
    public void AdminTexts_CoverEveryRefusalCode_InBothLanguages() =>
        AssertTranslated<AdminText>(typeof(PuoAiOps.Application.Admin.UserErrors).GetFields().Select(f => "UserError." + f.GetValue(null))
            .Concat(["UserError.DuplicateEmail", "UserError.DuplicateUserName", "UserError.InvalidEmail", "UserError.PasswordRequiresUniqueChars"])
            .Concat(Enum.GetNames<PuoAiOps.Application.Admin.ApiKeyError>().Select(e => "KeyError." + e))
            .Concat(Enum.GetNames<PuoAiOps.Application.Admin.TimeZoneError>().Select(e => "TimeZoneError." + e))
            .Concat(Enum.GetNames<PuoAiOps.Core.Text.Redaction.PiiType>().Where(t => t != "Custom").Select(t => "Pii.Type." + t))
            .ToList());

    [Fact]
    public void QuestionAndOverviewTexts_CoverEveryStatusAndArea_InBothLanguages()
    {
        AssertTranslated<QuestionsText>(Enum.GetNames<PuoAiOps.Application.Questions.ImportRunStatus>().Select(s => "Status." + s).ToList());
        AssertTranslated<OverviewText>(NavCatalog.Items.Where(i => i != NavCatalog.Home).Select(i => "Area." + i.Title).ToList());
    }

    [Fact]
    public void ProfileTexts_CoverEveryProfileError_InBothLanguages() =>
        AssertTranslated<ProfileText>(Enum.GetNames<ProfileError>().Select(e => "Error." + e).ToList());

    private void AssertTranslated<T>(IReadOnlyList<string> keys)
    {
        var localizer = console.Services.GetRequiredService<IStringLocalizer<T>>();
        foreach (var culture in ConsoleCultures.All)
        {
            var previous = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            try
            {
                var missing = keys.Where(k => localizer[k].ResourceNotFound).ToList();
                Assert.True(missing.Count == 0, $"{typeof(T).Name} ({culture}) lacks: {string.Join(", ", missing)}");
            }
            finally
            {
                CultureInfo.CurrentUICulture = previous;
            }
        }
    }

    private static Dictionary<string, string> Read(string resx) =>
        XDocument.Load(resx).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    internal static List<string> TranslationGaps(IReadOnlyDictionary<string, string> english, IReadOnlyDictionary<string, string> chinese)
    {
        var gaps = new List<string>();
        foreach (var key in english.Keys)
        {
            if (!chinese.TryGetValue(key, out var text)) gaps.Add($"missing zh-CN text for '{key}'");
            else if (string.IsNullOrWhiteSpace(text)) gaps.Add($"empty zh-CN text for '{key}'");
        }
        gaps.AddRange(chinese.Keys.Where(k => !english.ContainsKey(k)).Select(k => $"zh-CN key '{k}' has no English text"));
        return gaps;
    }
}
