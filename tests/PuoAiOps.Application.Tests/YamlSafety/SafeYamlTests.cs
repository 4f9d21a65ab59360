using PuoAiOps.Application.Ai.Prompts;
using PuoAiOps.Application.Common.Yaml;
using PuoAiOps.Application.Taxonomy.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace PuoAiOps.Application.Tests.YamlSafety;

public sealed class SafeYamlTests
{
    [Fact]
    public void Parser_YamlBomb_IsRefusedAtTheFirstAnchor_BeforeAnyAliasIsRead()
    {
        var parser = SafeYaml.Parser(YamlBomb.Text);
        var events = new List<ParsingEvent>();
        var refused = Assert.Throws<YamlRefusedException>(() =>
        {
            while (parser.MoveNext()) events.Add(parser.Current!);
        });
        Assert.Equal(YamlBomb.AnchorLine, refused.Line);
        Assert.Contains("anchors (&a) are not accepted", refused.Reason, StringComparison.Ordinal);
        // Stream, document and mapping starts, "format", its value and the key "a": the anchored list itself is never delivered.
        Assert.Equal(6, events.Count);
        Assert.DoesNotContain(events, e => e is AnchorAlias or SequenceStart);
    }

    [Fact]
    public void TaxonomyReader_YamlBomb_ReportsTheAnchorLine()
    {
        var (document, errors) = TaxonomyYamlReader.Read(YamlBomb.Text);
        Assert.Null(document);
        var error = Assert.Single(errors);
        Assert.Equal(YamlBomb.AnchorLine, error.Line);
        Assert.Equal("YAML anchors (&a) are not accepted: write the value out in full.", error.Message);
        Assert.Equal(YamlRefusal.Anchor, error.Code!.Code);
    }

    [Fact]
    public void Parser_MoreNodesThanAllowed_IsRefusedWithTheLine()
    {
        var yaml = "items:\n" + string.Concat(Enumerable.Range(0, 20).Select(i => $"- item{i}\n"));
        var refused = Assert.Throws<YamlRefusedException>(() => Drain(SafeYaml.Parser(new StringReader(yaml), maxNodes: 10)));
        Assert.Equal(9, refused.Line); // the 11th node: mapping, key and list, then item0..item7 on lines 2..9
        Assert.Contains("more than 10 YAML nodes", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parser_DeeperThanAllowed_IsRefused()
    {
        var yaml = new string('[', 100) + new string(']', 100);
        var refused = Assert.Throws<YamlRefusedException>(() => Drain(SafeYaml.Parser(yaml)));
        Assert.Contains($"deeper than {SafeYaml.MaxDepth} levels", refused.Reason, StringComparison.Ordinal);
        Drain(SafeYaml.Parser(new string('[', 60) + new string(']', 60)));
    }

    [Fact]
    public void Deserialize_PlainFile_ReadsAsBefore_AndAnAliasedOneIsRefused()
    {
        var deserializer = new DeserializerBuilder().Build();
        Assert.Equal(["a", "b"], SafeYaml.Deserialize<List<string>>(deserializer, "- a\n- b\n"));
        var ex = Assert.ThrowsAny<YamlException>(() => SafeYaml.Deserialize<Dictionary<string, List<string>>>(deserializer, "x: &x [a]\ny: *x\n"));
        Assert.IsType<YamlRefusedException>(ex as YamlRefusedException ?? ex.InnerException);
    }

    [Fact]
    public void PromptFile_WithAnAnchor_IsRefusedNamingTheFileAndLine()
    {
        const string Yaml = "name: classify\ndescription: &d Classify a question\ntemplate: '{{$question}}'\n";
        var ex = Assert.Throws<InvalidOperationException>(() => PromptLibrary.Parse(Yaml, "prompts/classify.prompt.yaml"));
        Assert.StartsWith("prompts/classify.prompt.yaml: line 2: YAML anchors (&d)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TaxonomyReader_EscapedHalfSurrogate_IsMalformedYamlWithALine_NotACrash()
    {
        // Found by the property tests: YamlDotNet's scanner threw ArgumentOutOfRangeException here.
        const string Yaml = "format: puo-taxonomy/1\ndomains:\n- key: payments\n  description: \"broken \\udc00 escape\"\n";
        var (document, errors) = TaxonomyYamlReader.Read(Yaml);
        Assert.Null(document);
        var error = Assert.Single(errors);
        Assert.InRange(error.Line, 3, 4);
        // The line is the message's own argument; YamlDotNet's sentence is only the detail at the end.
        Assert.Contains(error.Code!.Code, new Enum[] { TaxonomyYamlMessage.MalformedYaml, TaxonomyYamlMessage.MalformedYamlAtEnd });
        Assert.StartsWith("The YAML is malformed", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("(Line:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sources_ReadYamlOnlyThroughSafeYaml()
    {
        // A new reader that builds its own YamlDotNet parser or deserialises text directly would bypass the guard.
        var src = Path.Combine(RepositoryRoot(), "src");
        var offenders = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => Path.GetFileName(f) != "SafeYaml.cs")
            .Select(f => (File: f, Text: File.ReadAllText(f)))
            .Where(f => f.Text.Contains("YamlDotNet", StringComparison.Ordinal)
                        && (f.Text.Contains("new Parser(", StringComparison.Ordinal)
                            || System.Text.RegularExpressions.Regex.IsMatch(f.Text, @"(?<!SafeYaml)\.Deserialize\b|\.Load\(new ")))
            .Select(f => Path.GetRelativePath(src, f.File))
            .ToList();
        Assert.Empty(offenders);
    }

    private static void Drain(IParser parser)
    {
        while (parser.MoveNext()) { }
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PuoAiOps.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("PuoAiOps.sln not found above the test folder.");
    }
}
