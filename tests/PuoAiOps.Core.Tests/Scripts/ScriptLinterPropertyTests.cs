using CsCheck;
using PuoAiOps.Core.Scripts;

namespace PuoAiOps.Core.Tests.Scripts;

/// <summary>Whatever a curator types, the linter answers with findings inside the body, and never throws.</summary>
public sealed class ScriptLinterPropertyTests
{
    // Characters that exercise every rule: braces, brackets, URLs, digits, CJK, sentence ends, HTML.
    private static readonly Gen<string> Bodies = Gen.OneOf(
        Gen.String[Gen.Char["{}[]()<>/:.!?。，@ abcdehilnoprstuwy0123456789您好保证\n"], 0, 400],
        Gen.String,
        Gen.Const("Hi {{user_name}}, see https://help.puo.example/x?a=1 and [x](https://evil.example) {{Order Number}} 保证 {{"));

    private static readonly Gen<ScriptVariable[]> Variables =
        Gen.Select(Pick("user_name", "order_id", "Bad Name", ""), Gen.Enum<ScriptVariableType>(), Gen.Bool,
            (n, t, r) => new ScriptVariable(n, t, r)).Array[0, 3];

    private static Gen<T> Pick<T>(params T[] items) => Gen.Int[0, items.Length - 1].Select(i => items[i]);

    [Fact]
    public void Lint_NeverThrows_AndEveryFindingLiesWithinTheBody_WithItsCode()
    {
        Gen.Select(Bodies, Variables, Pick("en", "zh-CN"), Pick(ScriptChannels.All.ToArray()))
            .Sample((body, vars, locale, channel) =>
            {
                var findings = ScriptLinter.Lint(body, vars, StyleRuleDefaults.For(locale, channel));
                foreach (var f in findings)
                    if (f.Start < 0 || f.End < f.Start || f.End > body.Length || f.Message.Length == 0) return false;
                    // Every finding carries its code, and the English message is that code's wording.
                    else if (f.Text is null || f.Text.English != f.Message) return false;
                return true;
            }, iter: 2000);
    }

    [Fact]
    public void Lint_AnyBodyOverTheLimit_HasAnError()
    {
        var rules = StyleRuleDefaults.For("en", ScriptChannels.InApp);
        Gen.String[Gen.Char.AlphaNumeric, rules.MaxLength + 1, rules.MaxLength * 2]
            .Sample(body => ScriptLinter.HasErrors(ScriptLinter.Lint(body, [], rules)), iter: 200);
    }

    [Fact]
    public void Placeholders_AreOrderedAndInsideTheBody()
    {
        Bodies.Sample(body =>
        {
            var last = 0;
            foreach (var p in ScriptPlaceholders.Parse(body))
            {
                if (p.Start < last || p.End > body.Length || p.End <= p.Start) return false;
                if (p.IsWellFormed && body[p.Start..p.End] != "{{" + p.Raw + "}}") return false;
                last = p.End;
            }
            return true;
        }, iter: 2000);
    }
}
