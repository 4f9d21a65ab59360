using PuoAiOps.Core.Scripts;

namespace PuoAiOps.Core.Tests.Scripts;

public sealed class ScriptStandardizerTests
{
    private static readonly StyleRules EnIm = StyleRuleDefaults.For("en", ScriptChannels.Im);

    [Fact]
    public void Standardize_TurnsNamesOrdersAndLinksIntoVariables_AndReplacesBannedPhrases()
    {
        var result = ScriptStandardizer.Standardize(
            "Hello Maria, we guarantee order #88812345 will be refunded. Details: https://help.puo.example/refunds", EnIm);

        Assert.Equal("Hello {{user_name}}, we aim to order #{{order_id}} will be refunded. Details: {{help_link}}", result.Body);
        Assert.Equal(["user_name", "order_id", "help_link"], result.Variables.Select(v => v.Name));
        var link = Assert.Single(result.Variables, v => v.Name == "help_link");
        Assert.Equal((ScriptVariableType.Url, "https://help.puo.example/refunds", false), (link.Type, link.Default, link.Required));
        Assert.DoesNotContain(ScriptLinter.Lint(result.Body, result.Variables, EnIm), f => f.Severity == LintSeverity.Error);
    }

    [Fact]
    public void Standardize_MapsImportedPlaceholdersToDeclaredVariables()
    {
        var result = ScriptStandardizer.Standardize(
            "I understand. Your order {{Order Number Anonymized}} can be cancelled on {{Website Name}}; call {{Customer Support Phone Number}}.", EnIm);
        Assert.Contains("{{order_id}}", result.Body, StringComparison.Ordinal);
        Assert.Contains("{{app_name}}", result.Body, StringComparison.Ordinal);
        Assert.Contains("{{support_phone}}", result.Body, StringComparison.Ordinal);
        Assert.StartsWith("Hi {{user_name}}, ", result.Body, StringComparison.Ordinal);
        Assert.Equal(["user_name", "order_id", "app_name", "support_phone"], result.Variables.Select(v => v.Name));
    }

    [Fact]
    public void Standardize_TurnsTheRedactorsMarkersInAlreadyRedactedText_IntoVariablesOrRemovesThem()
    {
        var result = ScriptStandardizer.Standardize("Mail <EMAIL> or call <PHONE>; card <CARD> was refused.", EnIm);
        Assert.Contains("{{user_email}}", result.Body, StringComparison.Ordinal);
        Assert.Contains("{{user_phone}}", result.Body, StringComparison.Ordinal);
        Assert.Contains("card [removed] was refused", result.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(ScriptLinter.Lint(result.Body, result.Variables, EnIm), f => f.Severity == LintSeverity.Error);
    }

    [Fact]
    public void Standardize_EmailGetsGreetingAndClosing()
    {
        var rules = StyleRuleDefaults.For("en", ScriptChannels.Email);
        var result = ScriptStandardizer.Standardize("Your payout was sent on Monday.", rules);
        Assert.Equal($"Hi {{{{user_name}}}}, Your payout was sent on Monday.\n{rules.ClosingTemplate}", result.Body);
        Assert.Empty(ScriptLinter.Lint(result.Body, result.Variables, rules));
    }

    [Fact]
    public void Standardize_Chinese_ReplacesNameAndBannedPhrase()
    {
        var rules = StyleRuleDefaults.For("zh-CN", ScriptChannels.Im);
        var result = ScriptStandardizer.Standardize("张三您好，我们保证在后台处理您的订单号：20240512001。", rules);
        Assert.Equal("{{user_name}}您好，我们尽力在系统处理您的订单号：{{order_id}}。", result.Body);
    }
}
