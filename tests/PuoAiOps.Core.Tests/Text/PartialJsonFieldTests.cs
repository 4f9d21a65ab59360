using System.Text.Encodings.Web;
using System.Text.Json;
using CsCheck;
using PuoAiOps.Core.Tests.Properties;
using PuoAiOps.Core.Text;

namespace PuoAiOps.Core.Tests.Text;

public sealed class PartialJsonFieldTests
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void ReadString_FollowsAFieldAsItArrives()
    {
        const string json = """
            ```json
            {"citations":["P1","P2"],"note":{"answer":"not this one"},"answer":"Parents can ask \"support\" for a refund\n[P1]."}
            ```
            """;
        Assert.Null(PartialJsonField.ReadString(json[..20], "answer"));
        Assert.Null(PartialJsonField.ReadString(json[..json.IndexOf("\"answer\":\"P", StringComparison.Ordinal)], "answer"));
        var start = json.IndexOf("\"answer\":\"P", StringComparison.Ordinal) + "\"answer\":\"".Length;
        Assert.Equal(new PartialJsonField.Reading("", false), PartialJsonField.ReadString(json[..start], "answer"));
        Assert.Equal(new PartialJsonField.Reading("Parents can ask ", false), PartialJsonField.ReadString(json[..(start + 17)], "answer"));
        Assert.Equal(new PartialJsonField.Reading("Parents can ask \"support\" for a refund\n[P1].", true), PartialJsonField.ReadString(json, "answer"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Sure! Parents can get a refund.")]
    [InlineData("""{"text":"a","sources":[1]}""")]
    [InlineData("""{"answer":42}""")]
    [InlineData("""{"answer""")]
    public void ReadString_IsNull_WhenTheFieldIsNotAStringOrHasNotStarted(string partial) =>
        Assert.Null(PartialJsonField.ReadString(partial, "answer"));

    [Fact]
    public void ReadString_NeverTakesTextBack_ForAnyValueCutAnywhere()
    {
        Gen.Select(HostileText.Short, HostileText.Short, Gen.Bool, Gen.Bool).Sample((answer, other, answerFirst, relaxed) =>
        {
            object body = answerFirst ? new { answer, citations = new[] { other } } : new { citations = new[] { other }, other, answer };
            var json = JsonSerializer.Serialize(body, relaxed ? Relaxed : JsonSerializerOptions.Default);
            // What the field holds once parsed (the serializer replaces a lone surrogate with U+FFFD).
            var expected = JsonDocument.Parse(json).RootElement.GetProperty("answer").GetString()!;
            var seen = "";
            for (var cut = 0; cut <= json.Length; cut++)
            {
                var reading = PartialJsonField.ReadString(json[..cut], "answer");
                if (reading is null) { Assert.Equal("", seen); continue; }
                Assert.StartsWith(seen, reading.Value.Value, StringComparison.Ordinal);
                Assert.StartsWith(reading.Value.Value, expected, StringComparison.Ordinal);
                seen = reading.Value.Value;
            }
            Assert.Equal(new PartialJsonField.Reading(expected, true), PartialJsonField.ReadString(json, "answer"));
        }, iter: 300);
    }
}
