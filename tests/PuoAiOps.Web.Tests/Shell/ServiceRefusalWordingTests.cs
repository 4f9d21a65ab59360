using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using PuoAiOps.Application.Classification;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Profile;
using PuoAiOps.Application.Questions;
using PuoAiOps.Application.Scripts;
using PuoAiOps.Core.Messages;
using PuoAiOps.Core.Scripts;
using PuoAiOps.Web.Hosting;
using PuoAiOps.Web.Localization;

namespace PuoAiOps.Web.Tests.Shell;

/// <summary>
/// The refusals of the script, classifier, profile and question services reach a Chinese reader in
/// Chinese, worded the way their pages word them (snackbar text, alert lines), while the API and the
/// CLI keep the English of the same exception.
/// </summary>
public sealed class ServiceRefusalWordingTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
    private readonly CultureInfo _previousUi = CultureInfo.CurrentUICulture;
    private readonly CultureInfo _previous = CultureInfo.CurrentCulture;

    public ServiceRefusalWordingTests()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("zh-CN");
    }

    private IStringLocalizer<T> Text<T>() => _services.GetRequiredService<IStringLocalizer<T>>();

    [Fact]
    public void ScriptRefusal_WithStatusAndStepWords_IsChineseOnTheScriptPagesSnackbar()
    {
        var text = Text<ScriptsText>();
        var refused = new ConflictException(CodedMessage.Of(ScriptRefusal.WrongStatus, 3, CodedMessage.Of(ScriptRefusal.StatusInReview),
            CodedMessage.Of(ScriptRefusal.StatusDraft), CodedMessage.Of(ScriptRefusal.StepSubmitted)));

        // ScriptPage words a refusal as T["Error.<exception>", T.WordRefusal(ex)].
        Assert.Equal("期间已被修改：版本 3 当前为审核中；只有草稿的版本才能提交审核。", text["Error." + refused.GetType().Name, text.WordRefusal(refused)].Value);
        Assert.Equal("Version 3 is InReview; only a Draft version can be submitted.", refused.Message);
    }

    [Fact]
    public void ScriptRefusal_BlockedByStyleErrors_WordsTheFirstFindingFromItsLintCode()
    {
        var finding = CodedMessage.Of(LintMessage.Empty);
        var refused = new ValidationException(CodedMessage.Of(ScriptRefusal.StyleErrorsBlock, 2, 1, CodedMessage.Of(ScriptRefusal.StepApproved), finding),
            new Dictionary<string, string[]> { ["body"] = ["empty [0-0]: The script is empty."] });

        Assert.Equal("版本 2 有 1 个风格错误，无法批准：话术为空。", Text<ScriptsText>().WordRefusal(refused));
    }

    [Fact]
    public void ScriptRefusal_OfAnAgentReplyFile_IsWordedPerField()
    {
        var refused = new ValidationException("file", CodedMessage.Of(ScriptRefusal.FileTooLarge, 9.5, 8));
        var worded = ApplicationErrorMapping.From(refused)!.Worded(Text<ScriptsText>().Word);
        // Numbers follow the reader's culture; zh-CN writes 9.5 as 9.5.
        Assert.Equal("文件大小为 9.5 MB；最多可导入 8 MB。", Assert.Single(worded.Errors["file"]));
    }

    [Fact]
    public void ClassificationRefusal_IsChineseWhereTheClassifierPageShowsIt()
    {
        var refused = new ValidationException("data", CodedMessage.Of(ClassificationRefusal.TooFewQuestions, 20, 12));
        Assert.Equal("训练至少需要 20 个带最终标签的用户问题；工作区目前有 12 个。请先标注更多问题。", Text<ClassificationText>().WordRefusal(refused));
        Assert.StartsWith("Training needs at least 20 questions", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProfileAndQuestionRefusals_AreChinese()
    {
        Assert.Equal("用户 u-1 不存在。", Text<ProfileText>().WordRefusal(new NotFoundException(CodedMessage.Of(ProfileRefusal.UserMissing, "u-1"))));
        Assert.Equal("导入记录 42 不存在。", Text<QuestionsText>().WordRefusal(new NotFoundException(CodedMessage.Of(QuestionRefusal.ImportRunMissing, 42L))));
    }

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = _previousUi;
        CultureInfo.CurrentCulture = _previous;
        _services.Dispose();
    }
}
