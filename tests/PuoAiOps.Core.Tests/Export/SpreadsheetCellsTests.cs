using PuoAiOps.Core.Export;

namespace PuoAiOps.Core.Tests.Export;

public sealed class SpreadsheetCellsTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")")]
    [InlineData("+cmd|' /C calc'!A0")]
    [InlineData("-2+3+cmd|' /C calc'!A0")]
    [InlineData("@SUM(1+1)*cmd|' /C calc'!A0")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    public void Neutralise_PrefixesFormulaLikeCells(string cell)
    {
        Assert.Equal("'" + cell, SpreadsheetCells.Neutralise(cell));
    }

    [Theory]
    [InlineData("how do I top up coins?")]
    [InlineData("充值失败怎么办")]
    [InlineData("")]
    [InlineData("a=b")]
    public void Neutralise_LeavesOrdinaryTextAlone(string cell)
    {
        Assert.Equal(cell, SpreadsheetCells.Neutralise(cell));
    }

    [Fact]
    public void Neutralise_TreatsNullAsEmpty() => Assert.Equal("", SpreadsheetCells.Neutralise(null));
}
