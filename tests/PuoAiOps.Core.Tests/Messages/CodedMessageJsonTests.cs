using System.Globalization;
using CsCheck;
using PuoAiOps.Core.Messages;
using PuoAiOps.Core.Scripts;

namespace PuoAiOps.Core.Tests.Messages;

/// <summary>A coded message stored as code and JSON arguments reads back as the same message, numbers still numbers.</summary>
public sealed class CodedMessageJsonTests
{
    private static Type? Resolve(string name) => name == nameof(LintMessage) ? typeof(LintMessage) : null;

    private static readonly Gen<object> Arg = Gen.OneOf<object>(
        Gen.String.Where(s => !HasLoneSurrogate(s)).Select(s => (object)s),
        Gen.Long.Select(l => (object)l),
        Gen.Double.Where(double.IsFinite).Select(d => (object)d),
        Gen.DateOnly.Select(d => (object)d));

    private static bool HasLoneSurrogate(string s) => !System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(s)).Equals(s, StringComparison.Ordinal);

    [Fact]
    public void WriteThenRead_GivesTheSameMessage_ForAnyArguments() =>
        Gen.Select(Arg, Arg, Arg).Sample((a, b, c) =>
        {
            var message = CodedMessage.Of(LintMessage.TooLong, a, CodedMessage.Of(LintMessage.PersonalData, b, c));
            var (code, args) = CodedMessageJson.Write(message);
            var read = CodedMessageJson.Read(code, args, Resolve);
            Assert.Equal(message, read);
            Assert.Equal(message.English, read!.English);
        }, iter: 300, threads: 1);

    [Fact]
    public void Write_KeepsNumbersAsNumbers_SoAPercentFormatsAgain()
    {
        var (code, args) = CodedMessageJson.Write(CodedMessage.Of(LintMessage.TooLong, 1234, 0.5));
        Assert.Equal("LintMessage.TooLong", code);
        Assert.Equal("""[{"i":1234},{"n":0.5}]""", args);
        var read = CodedMessageJson.Read(code, args, Resolve)!;
        Assert.Equal("1,234 / 50%", string.Format(CultureInfo.InvariantCulture, "{0:N0} / {1:P0}", [.. read.Args]).Replace(" %", "%", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_StoresALoneSurrogate_AsTheReplacementCharacter()
    {
        var (code, args) = CodedMessageJson.Write(CodedMessage.Of(LintMessage.PersonalDataUnfinished, "a\uD800b"));
        Assert.Equal(new object[] { "a\uFFFDb" }, CodedMessageJson.Read(code, args, Resolve)!.Args);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("LintMessage.NoSuchValue", "[]")]
    [InlineData("RenamedEnum.TooLong", "[]")]
    [InlineData("LintMessage.TooLong", "not json")]
    [InlineData("LintMessage.TooLong", """[{"x":1}]""")]
    [InlineData("TooLong", "[]")]
    public void Read_GivesNull_ForWhatItCannotRead(string? code, string? args) =>
        Assert.Null(CodedMessageJson.Read(code, args, Resolve));
}
