using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Knowledge;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Questions;
using PuoAiOps.Application.Scripts;
using PuoAiOps.Application.Scripts.AgentReplies;
using PuoAiOps.Application.Taxonomy.Yaml;
using PuoAiOps.Core.Messages;
using PuoAiOps.Core.Scripts;
using PuoAiOps.Core.Text.Redaction;
using PuoAiOps.Web.Hosting;
using PuoAiOps.Web.Localization;

namespace PuoAiOps.Web.Tests.Shell;

/// <summary>
/// The line errors of uploaded files (reply scripts, agent replies, taxonomy YAML), the style-rule checks,
/// the taxonomy import's warnings, a document's index note and the PII pattern checks, as the real readers and services give them,
/// read in Chinese through the same wording their pages use; the API and the CLI keep the English.
/// </summary>
public sealed class FileLineWordingTests(ConsoleFixture console) : IClassFixture<ConsoleFixture>, IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly CultureInfo _previousUi = CultureInfo.CurrentUICulture;
    private readonly CultureInfo _previous = CultureInfo.CurrentCulture;

    private IStringLocalizer<T> Text<T>()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("zh-CN");
        return console.Services.GetRequiredService<IStringLocalizer<T>>();
    }

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = _previousUi;
        CultureInfo.CurrentCulture = _previous;
    }

    [Fact]
    public void ScriptFileReader_ItemErrors_ReadInChinese_WithTheInnerCodeWordedToo()
    {
        var (_, errors) = ScriptFileReader.Read("""
            - intent: refund_request
              locale: fr
              channel: im
              body: "Hi {{user_name}}"
              variables: [{name: user_name, type: colour}]
            """);
        var text = Text<ScriptsText>();

        Assert.Equal(
            ["第 0 项（第 1 行）：未知语言“fr”；请使用以下之一：en, zh-CN。", "第 0 项（第 1 行）：变量“user_name”的类型“colour”未知；请使用以下之一：text, number, date, money, url。"],
            errors.Select(text.Word).ToArray());
        Assert.Equal("item 0 (line 1): Unknown locale 'fr'; use one of: en, zh-CN.", errors[0].English);
    }

    [Fact]
    public void ScriptFileReader_MalformedYaml_GivesLineAndColumnAsArguments()
    {
        var (_, errors) = ScriptFileReader.Read("- intent: a\n  body: [a, b\n");
        var error = Assert.Single(errors);

        Assert.Equal(ScriptFileMessage.Malformed, error.Code);
        Assert.StartsWith("YAML 或 JSON 格式错误，位于第 ", Text<ScriptsText>().Word(error), StringComparison.Ordinal);
        Assert.DoesNotContain("(Line:", error.English, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgentReplyImport_LineErrors_ReadInChinese_InThePickersSnackbarLines()
    {
        await using var scope = console.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<AgentReplyImporter>();
        var file = new MemoryStream(Encoding.UTF8.GetBytes("response,locale\nhello,fr\nhi,en,extra\n"));
        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            importer.ImportAsync(file, "bad.csv", Actor.System("wording-test", Roles.Curator), Ct));

        // AgentReplyPicker: ApplicationErrorMapping.From(ex).Worded(T.Word), then the field's lines.
        var worded = ApplicationErrorMapping.From(ex)!.Worded(Text<ScriptsText>().Word);
        Assert.Equal(["第 3 行：有 3 个字段，而表头有 2 个。", "第 2 行：未知语言“fr”；请使用以下之一：en, zh-CN。"], worded.Errors["file"]);
        Assert.Equal("文件未导入：第 3 行：有 3 个字段，而表头有 2 个。", worded.Title);
        Assert.Equal("The file was not imported: line 3: 3 fields where the header has 2.", ex.Message);
    }

    [Fact]
    public async Task StyleRuleCheck_ReadsInChinese_OnThePageAndFromTheService()
    {
        var rules = new StyleRules { MaxLength = 5, RequireGreeting = true, AllowedLinkDomains = ["https://help.example.com/x"] };
        var text = Text<ScriptsText>();

        // StyleRulesPage words rules.Validate() before saving.
        Assert.Equal(
            ["最大长度必须在 20 到 20000 个字符之间。", "要求问候语时，至少需要一条可接受的问候语。", "允许的链接域名只能是主机名（例如 help.example.com），不能是“https://help.example.com/x”。"],
            rules.Validate().Select(text.Word).ToArray());

        await using var scope = console.Services.CreateAsyncScope();
        var ex = await Assert.ThrowsAsync<ValidationException>(() => scope.ServiceProvider.GetRequiredService<StyleRuleSettings>()
            .SaveAsync(ScriptLocales.English, ScriptChannels.Im, rules, Actor.System("wording-test", Roles.Admin), Ct));
        Assert.Equal("最大长度必须在 20 到 20000 个字符之间。", text.WordRefusal(ex));
        Assert.Equal(StyleRulesProblem.GreetingsMissing, ex.Codes["rules"][1]!.Code);
    }

    [Fact]
    public async Task TaxonomyImport_MalformedYaml_ReadsInChinese_AtItsLine()
    {
        await using var scope = console.Services.CreateAsyncScope();
        var yaml = scope.ServiceProvider.GetRequiredService<TaxonomyYaml>();
        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            yaml.ImportAsync("format: puo-taxonomy/1\ndomains:\n- key: payments\n  intents: [a, b\n", Actor.System("wording-test", Roles.Curator), null, Ct));

        // The taxonomy pages word the error (ApplicationError.Worded) and show each line's messages.
        var worded = ApplicationErrorMapping.From(ex)!.Worded(Text<TaxonomyText>().Word);
        var (key, messages) = Assert.Single(worded.Errors);
        Assert.StartsWith("line ", key, StringComparison.Ordinal);
        Assert.StartsWith("YAML 格式错误", Assert.Single(messages), StringComparison.Ordinal);
        Assert.DoesNotContain("(Line:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TaxonomyCheck_AnAnchor_IsRefusedInChinese()
    {
        var error = Assert.Single(TaxonomyYaml.Check("format: puo-taxonomy/1\ndomains: &d []\n"));

        Assert.Equal(2, error.Line);
        Assert.Equal("不接受 YAML 锚点（&d）：请把值完整写出。", Text<TaxonomyText>().Word(error.Code!));
    }

    [Fact]
    public async Task TaxonomyImport_Warnings_ReadInChinese_WhileTheApiKeepsEnglish()
    {
        await using var scope = console.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<TaxonomyYaml>().ImportAsync(
            "format: puo-taxonomy/1\ndomains:\n- key: wording_empty\n  names: {en: Empty}\n", Actor.System("wording-test", Roles.Curator),
            new TaxonomyImportOptions(DryRun: true), Ct);

        // YamlImportResult words each of Result.WarningMessages.
        Assert.Equal("领域“wording_empty”（第 3 行）没有意图，因此不会创建。", Text<TaxonomyText>().Word(Assert.Single(result.WarningMessages)));
        Assert.Equal("Domain 'wording_empty' (line 3) has no intents, so it is not created.", Assert.Single(result.Warnings));
    }

    [Fact]
    public async Task PiiPatternProblems_ReadInChinese_AsTheAdminEditorWordsThem()
    {
        await using var scope = console.Services.CreateAsyncScope();
        var ex = await Assert.ThrowsAsync<InvalidPiiPatternException>(() => scope.ServiceProvider.GetRequiredService<PiiPatternStore>()
            .SaveAsync([new CustomPiiPattern("email", "x"), new CustomPiiPattern("broken", @"uid:(\d+")], null, "wording-test", Ct));
        var text = Text<AdminText>();

        // PiiPatternEditor.Describe: T["Pii.PatternError", name, T.Word(problem)].
        Assert.Equal("模式“email”：<EMAIL> 是内置标记", text["Pii.PatternError", "email", text.Word(ex.Errors[0].Problem)].Value);
        Assert.StartsWith("不是有效的正则表达式（", text.Word(ex.Errors[1].Problem), StringComparison.Ordinal);
        Assert.Equal("<EMAIL> is a built-in marker", ex.Errors[0].Reason);
    }

    [Fact]
    public void IndexNote_IsWordedOnTheDocumentPage_WithTheIndexsDetail()
    {
        var note = CodedMessage.Of(KnowledgeRefusal.IndexNotUpdated, "connection refused");

        Assert.Equal("已保存，但搜索索引未更新（connection refused）；请运行“puo kb reindex”", Text<KnowledgeText>().Word(note));
        Assert.Equal("saved, but the search index was not updated (connection refused); run 'puo kb reindex'", note.English);
    }
}
