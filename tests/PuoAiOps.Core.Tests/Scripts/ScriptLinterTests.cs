using PuoAiOps.Core.Messages;
using PuoAiOps.Core.Scripts;

namespace PuoAiOps.Core.Tests.Scripts;

public sealed class ScriptLinterTests
{
    private static readonly StyleRules EnIm = StyleRuleDefaults.For("en", ScriptChannels.Im);
    private static readonly StyleRules ZhIm = StyleRuleDefaults.For("zh-CN", ScriptChannels.Im);
    private static readonly ScriptVariable[] UserName = [new("user_name")];

    private static IReadOnlyList<LintFinding> Lint(string body, StyleRules? rules = null, params ScriptVariable[] variables) =>
        ScriptLinter.Lint(body, variables, rules ?? EnIm);

    [Fact]
    public void Lint_CleanScript_HasNoFindings()
    {
        var findings = Lint("Hi {{user_name}}, your coins arrive within 5 minutes. Pull down on the wallet page to refresh.", null, UserName);
        Assert.Empty(findings);
    }

    [Fact]
    public void Lint_BannedPromise_IsAnErrorAtItsPosition()
    {
        const string body = "Hi {{user_name}}, we guarantee a refund.";
        var finding = Assert.Single(Lint(body, null, UserName));
        Assert.Equal((LintRules.BannedPhrase, LintSeverity.Error), (finding.Rule, finding.Severity));
        Assert.Equal("guarantee", body[finding.Start..finding.End]);
    }

    [Fact]
    public void Lint_ChineseBannedPhrase_MatchesInsideText()
    {
        const string body = "{{user_name}}您好，我们保证3天内退款。";
        var finding = Assert.Single(Lint(body, ZhIm, UserName), f => f.Rule == LintRules.BannedPhrase);
        Assert.Equal("保证", body[finding.Start..finding.End]);
    }

    [Fact]
    public void Lint_BannedWordInsideAnotherWord_IsNotFlagged()
    {
        Assert.DoesNotContain(Lint("Hi {{user_name}}, the tickets are sold out.", null, UserName), f => f.Rule == LintRules.BannedPhrase);
    }

    [Fact]
    public void Lint_UndeclaredAndUnusedVariables_AreReported()
    {
        const string body = "Hi {{user_name}}, order {{order_id}} is on its way.";
        var findings = Lint(body, null, new ScriptVariable("user_name"), new ScriptVariable("coins"));
        var undeclared = Assert.Single(findings, f => f.Rule == LintRules.UndeclaredVariable);
        Assert.Equal("{{order_id}}", body[undeclared.Start..undeclared.End]);
        Assert.Equal(LintSeverity.Error, undeclared.Severity);
        Assert.Equal(LintSeverity.Warning, Assert.Single(findings, f => f.Rule == LintRules.UnusedVariable).Severity);
    }

    [Fact]
    public void Lint_MalformedPlaceholder_SuggestsASnakeCaseName()
    {
        const string body = "Hi {{user_name}}, order {{Order Number}} shipped.";
        var finding = Assert.Single(Lint(body, null, UserName), f => f.Rule == LintRules.Placeholder);
        Assert.Equal("{{Order Number}}", body[finding.Start..finding.End]);
        Assert.Equal(CodedMessage.Of(LintMessage.PlaceholderInvalid, "Order Number", "order_number"), finding.Text);
        Assert.Equal("'{{Order Number}}' is not a valid variable name; use lower-case letters, digits and '_' (e.g. {{order_number}}).", finding.Message);
    }

    [Fact]
    public void Lint_BodyOverTheLimit_IsAnError()
    {
        var body = "Hi there. " + new string('a', EnIm.MaxLength);
        var finding = Assert.Single(Lint(body), f => f.Rule == LintRules.MaxLength);
        Assert.Equal(LintSeverity.Error, finding.Severity);
        Assert.Equal((EnIm.MaxLength, body.Length), (finding.Start, finding.End));
    }

    [Fact]
    public void Lint_LinkToAnotherDomain_IsAnError_AllowedDomainIsNot()
    {
        const string body = "Hi {{user_name}}, see [our guide](https://help.puo.example/refunds) or https://evil.example.com/x.";
        var finding = Assert.Single(Lint(body, null, UserName), f => f.Rule == LintRules.LinkDomain);
        Assert.Equal("https://evil.example.com/x", body[finding.Start..finding.End]);
    }

    [Fact]
    public void Lint_JavascriptLink_IsAnError()
    {
        Assert.Contains(Lint("Hi {{user_name}}, [click](javascript:alert(1))", null, UserName), f => f.Rule == LintRules.LinkDomain);
    }

    [Fact]
    public void Lint_PersonalData_IsAnError()
    {
        const string body = "Hi {{user_name}}, write to jane.doe@example.com for help.";
        var finding = Assert.Single(Lint(body, null, UserName), f => f.Rule == LintRules.PersonalData);
        Assert.Equal("jane.doe@example.com", body[finding.Start..finding.End]);
    }

    [Fact]
    public void Lint_MissingGreeting_IsAWarning_MissingEmailClosingToo()
    {
        var findings = ScriptLinter.Lint("Your refund is on its way.", [], StyleRuleDefaults.For("en", ScriptChannels.Email));
        Assert.Equal(LintSeverity.Warning, Assert.Single(findings, f => f.Rule == LintRules.Greeting).Severity);
        Assert.Equal(LintSeverity.Warning, Assert.Single(findings, f => f.Rule == LintRules.Closing).Severity);
        Assert.False(ScriptLinter.HasErrors(findings));
    }

    [Fact]
    public void Lint_ChineseGreetingAfterPlaceholder_Counts()
    {
        Assert.DoesNotContain(Lint("{{user_name}}您好，金币5分钟内到账。", ZhIm, UserName), f => f.Rule == LintRules.Greeting);
    }

    [Fact]
    public void Lint_LongChineseSentence_CountsCharacters()
    {
        var body = "{{user_name}}您好，" + new string('好', ZhIm.MaxSentenceLength + 5) + "。";
        var finding = Assert.Single(Lint(body, ZhIm, UserName), f => f.Rule == LintRules.SentenceLength);
        Assert.Equal(LintMessage.SentenceTooManyCharacters, finding.Text!.Code);
        Assert.Equal(ZhIm.MaxSentenceLength, finding.Text.Args[1]);
        Assert.Contains("characters", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_GlossaryTerm_IsAWarningNamingThePreferredTerm()
    {
        var finding = Assert.Single(Lint("Hi {{user_name}}, you can top up in the wallet.", null, UserName));
        Assert.Equal((LintRules.Glossary, LintSeverity.Warning), (finding.Rule, finding.Severity));
        Assert.Equal(LintMessage.GlossaryTerm, finding.Text!.Code);
        Assert.Equal("recharge", finding.Text.Args[0]);
    }

    [Fact]
    public void Lint_RawHtml_IsAnError()
    {
        Assert.Contains(Lint("Hi {{user_name}}, <script>alert(1)</script>", null, UserName), f => f.Rule == LintRules.Html && f.Severity == LintSeverity.Error);
    }

    [Fact]
    public void Lint_EmptyBody_IsAnError()
    {
        Assert.Equal(LintRules.Empty, Assert.Single(Lint("   ")).Rule);
    }
}
