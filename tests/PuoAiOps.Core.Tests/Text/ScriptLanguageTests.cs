using PuoAiOps.Core.Text;

namespace PuoAiOps.Core.Tests.Text;

public sealed class ScriptLanguageTests
{
    [Theory]
    [InlineData("Zhou Min (demo support agent)", "en")]
    [InlineData("周敏", "zh")]
    [InlineData("微信登录不上去 WeChat", "zh")]
    [InlineData("my friend 小明 says the gift never arrived", "en")]
    [InlineData("Recent unlabelled questions", "en")]
    [InlineData("José Álvarez", "en")]
    public void Guess_GoesToTheScriptWithTheLargerShare(string text, string expected) =>
        Assert.Equal(expected, ScriptLanguage.Guess(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026-12-07 #42 :)")]
    public void Guess_IsNull_WithoutLettersOfEitherScript(string? text) =>
        Assert.Null(ScriptLanguage.Guess(text));
}
