using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using PuoAiOps.Application.Annotation;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Knowledge;
using PuoAiOps.Application.Profile;
using PuoAiOps.Application.Taxonomy.Changes;
using PuoAiOps.Core.Messages;
using PuoAiOps.Core.Scripts;
using PuoAiOps.Web.Localization;

namespace PuoAiOps.Web.Tests.Shell;

/// <summary>
/// Every value of every message code enum (<see cref="EnglishAttribute"/>) has its wording in the area
/// that shows it, in English and Chinese, with the same placeholders as its English template: a new code
/// without wording, or a wording that drops an argument, fails here.
/// </summary>
public sealed partial class CodedMessageResourceTests(ConsoleFixture console) : IClassFixture<ConsoleFixture>
{
    /// <summary>
    /// Which console resource words which code enum (the table MessageWords uses), plus the other areas that
    /// word the guarded YAML parser's refusals inside their own messages (every area that reads YAML files).
    /// </summary>
    private static readonly (Type Codes, Type Resource)[] Areas =
    [
        .. CodedMessageAreas.All.Select(a => (a.Key, a.Value)),
        (typeof(PuoAiOps.Application.Common.Yaml.YamlRefusal), typeof(ScriptsText)),
        (typeof(PuoAiOps.Application.Common.Yaml.YamlRefusal), typeof(KnowledgeText)),
    ];

    [Fact]
    public void EveryCodeEnum_IsWordedByAnArea()
    {
        var codeEnums = new[] { typeof(CodedMessage).Assembly, typeof(TaxonomyRefusal).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t.IsEnum && t.GetFields(BindingFlags.Public | BindingFlags.Static).Any(f => f.IsDefined(typeof(EnglishAttribute))))
            .ToHashSet();
        Assert.NotEmpty(codeEnums);
        Assert.Empty(codeEnums.Except(Areas.Select(a => a.Codes)).Select(t => t.FullName));
        // A stored code (a job's line) names its enum by type name, so no two code enums may share one.
        Assert.Empty(codeEnums.GroupBy(t => t.Name).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Equal(codeEnums.Order(TypeNames).ToList(), MessageCodes.All.Order(TypeNames).ToList());
    }

    private static readonly Comparer<Type> TypeNames = Comparer<Type>.Create((x, y) => string.CompareOrdinal(x.FullName, y.FullName));

    [Fact]
    public void EveryCode_HasAnEnglishTemplate() =>
        Assert.Empty(Areas.SelectMany(a => Enum.GetValues(a.Codes).Cast<Enum>())
            .Where(c => c.GetType().GetField(c.ToString())!.GetCustomAttribute<EnglishAttribute>() is null)
            .Select(c => $"{c.GetType().Name}.{c}"));

    [Fact]
    public void EveryCode_IsWordedInBothLanguages_WithTheTemplatesPlaceholders()
    {
        var problems = new List<string>();
        foreach (var (codes, resource) in Areas)
        {
            var localizer = (IStringLocalizer)console.Services.GetRequiredService(typeof(IStringLocalizer<>).MakeGenericType(resource));
            foreach (var culture in ConsoleCultures.All)
            {
                var previous = CultureInfo.CurrentUICulture;
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
                try
                {
                    foreach (var code in Enum.GetValues(codes).Cast<Enum>())
                    {
                        var key = $"{codes.Name}.{code}";
                        var text = localizer[key];
                        if (text.ResourceNotFound) problems.Add($"{resource.Name} ({culture}) lacks {key}");
                        else if (!Placeholders(text.Value).SetEquals(Placeholders(CodedMessage.TemplateOf(code))))
                            problems.Add($"{resource.Name} ({culture}) {key}: placeholders {string.Join(",", Placeholders(text.Value))} differ from the English template's");
                    }
                }
                finally
                {
                    CultureInfo.CurrentUICulture = previous;
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Word_UsesTheReadersLanguage_AndFallsBackToEnglishForAnUnknownKey()
    {
        var localizer = console.Services.GetRequiredService<IStringLocalizer<AnnotationText>>();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        try
        {
            Assert.Equal("理由最多 500 个字符。", localizer.Word(CodedMessage.Of(AnnotationRefusal.ReasonTooLong, 500)));
            // A code worded by another area is not in this resource: the English wording stands in.
            Assert.Equal("Unknown domain 'billing'.", localizer.Word(CodedMessage.Of(TaxonomyRefusal.UnknownDomain, "billing")));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>The argument indices a format string uses ({{ and }} are literal braces, not placeholders).</summary>
    private static HashSet<int> Placeholders(string format) =>
        Placeholder().Matches(format.Replace("{{", "", StringComparison.Ordinal).Replace("}}", "", StringComparison.Ordinal))
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToHashSet();

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();
}
