using PuoAiOps.Core.Text;

namespace PuoAiOps.Core.Tests.Classification;

public class TokenizerTests
{
    [Fact]
    public void Tokenize_SplitsEnglishOnSpacesAndPunctuation()
    {
        Assert.Equal(["how", "do", "i", "reset", "my", "pin", "it", "s", "1234"], Tokenizer.Tokenize("How do I reset my PIN? It's 1234!"));
    }

    [Fact]
    public void Tokenize_KeepsAChineseRunAsOneCjkToken()
    {
        var text = "我的直播间为什么被封了";
        var tokens = Enumerate(text);
        var token = Assert.Single(tokens);
        Assert.Equal(TokenKind.Cjk, token.Kind);
        Assert.Equal(text.Length, token.Length);
    }

    [Fact]
    public void Tokenize_SeparatesMixedChineseAndLatinAndFoldsFullWidth()
    {
        // Full-width "ＶＩＰ" and "１００" are folded by NFKC before tokenising.
        Assert.Equal(["怎么开通", "vip", "会员", "100", "元"], Tokenizer.Tokenize("怎么开通ＶＩＰ会员，１００元？"));
        var kinds = Enumerate(TextNormalizer.Normalize("怎么开通ＶＩＰ会员")).Select(t => t.Kind);
        Assert.Equal([TokenKind.Cjk, TokenKind.Word, TokenKind.Cjk], kinds);
    }

    [Fact]
    public void Tokenize_TreatsAccentedLettersAndKanaAsTheirScripts()
    {
        Assert.Equal(["café", "crème"], Tokenizer.Tokenize("Café-crème"));
        Assert.Equal([TokenKind.Cjk], Enumerate("ありがとう").Select(t => t.Kind));
    }

    [Fact]
    public void Tokenize_ReturnsNothingForPunctuationOnly()
    {
        Assert.Empty(Tokenizer.Tokenize(" ?!… ，。 "));
    }

    private static List<Token> Enumerate(string text)
    {
        var tokens = new List<Token>();
        foreach (var token in Tokenizer.Enumerate(text)) tokens.Add(token);
        return tokens;
    }
}
