using CsCheck;
using PuoAiOps.Core.Scripts;

namespace PuoAiOps.Core.Tests.Scripts;

public sealed class ScriptDiffTests
{
    [Fact]
    public void Compute_EnglishChange_IsByWord()
    {
        var diff = ScriptDiff.Compute("Please wait 24 hours.", "Please wait 2 hours.");
        Assert.Equal([(DiffKind.Equal, "Please wait "), (DiffKind.Deleted, "24"), (DiffKind.Inserted, "2"), (DiffKind.Equal, " hours.")],
            diff.Select(s => (s.Kind, s.Text)));
    }

    [Fact]
    public void Compute_ChineseChange_IsByCharacter()
    {
        var diff = ScriptDiff.Compute("请耐心等待24小时。", "请耐心等待2小时。");
        Assert.Contains(diff, s => s.Kind == DiffKind.Equal && s.Text == "请耐心等待");
        Assert.Contains(diff, s => s.Kind == DiffKind.Equal && s.Text == "小时。");
        var changedChinese = "充值请耐心等待".Length;
        Assert.True(ScriptDiff.Compute("充值请耐心等待", "提现请耐心等待").Where(s => s.Kind != DiffKind.Equal).Sum(s => s.Text.Length) < changedChinese);
    }

    [Fact]
    public void Compute_RebuildsBothSides()
    {
        Gen.Select(Gen.String[Gen.Char["ab 您好.\n"], 0, 60], Gen.String[Gen.Char["ab 您好.\n"], 0, 60]).Sample((a, b) =>
        {
            var diff = ScriptDiff.Compute(a, b);
            return ScriptDiff.Side(diff, newSide: false) == a && ScriptDiff.Side(diff, newSide: true) == b;
        }, iter: 1000);
    }
}
