using System.Xml.Linq;
using PuoAiOps.Testing;

namespace PuoAiOps.Web.Tests.Shell;

/// <summary>
/// The two languages are named alike on every page: a reader who filters scripts by "Simplified Chinese" should not
/// find "Chinese" in the conversations and "Chinese (简体)" on an intent's name field, nor 英语 beside 英文 (see the glossary).
/// </summary>
public sealed class LanguageNameTests
{
    private static readonly string[] LanguageKeys = ["Locale.en", "Locale.zh-CN"];

    [Fact]
    public void LanguageNames_AreWordedAlike_InEveryAreaAndBothLanguages()
    {
        var root = RepositoryPaths.Root();
        Assert.NotNull(root);
        var files = Directory.EnumerateFiles(Path.Combine(root, "src", "PuoAiOps.Web", "Localization"), "*.resx").ToList();
        var names = new List<(string Culture, string Key, string Value, string File)>();
        foreach (var file in files)
        {
            var culture = Path.GetFileName(file).EndsWith(".zh-CN.resx", StringComparison.Ordinal) ? "zh-CN" : "en";
            foreach (var data in XDocument.Load(file).Root!.Elements("data"))
            {
                var key = (string)data.Attribute("name")!;
                if (LanguageKeys.Contains(key)) names.Add((culture, key, (string?)data.Element("value") ?? "", Path.GetFileName(file)));
            }
        }
        Assert.True(names.Select(n => n.File).Distinct().Count() >= 2, "the language names were not found in the resources");
        var differing = names.GroupBy(n => (n.Culture, n.Key))
            .Where(g => g.Select(n => n.Value).Distinct(StringComparer.Ordinal).Count() > 1)
            .Select(g => $"{g.Key.Culture} {g.Key.Key}: " + string.Join(", ", g.Select(n => $"{n.File}='{n.Value}'")))
            .ToList();
        Assert.True(differing.Count == 0, string.Join(Environment.NewLine, differing));
    }
}
