using System.Text.RegularExpressions;
using PuoAiOps.Core.Text.Redaction;

namespace PuoAiOps.Core.Scripts;

/// <summary>A draft made from a free-form answer, with its variables and a note of each change made.</summary>
public sealed record StandardizedScript(string Body, IReadOnlyList<ScriptVariable> Variables, IReadOnlyList<string> Changes);

/// <summary>
/// Turns a free-form agent answer into a script draft by rules, offline: imported placeholders mapped
/// to our variable names, the customer's name, order numbers, links and personal data turned into
/// variables, banned phrases and glossary terms replaced, and the greeting and closing added from the
/// channel's templates. The result is a draft: a person still reviews it (and the linter runs on it).
/// </summary>
public static partial class ScriptStandardizer
{
    /// <summary>Imported placeholder names (snake-cased) that mean one of our variables.</summary>
    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.Ordinal)
    {
        ["order_number"] = "order_id", ["purchase_id"] = "order_id", ["order_id"] = "order_id", ["transaction_id"] = "order_id",
        ["customer_name"] = "user_name", ["client_name"] = "user_name", ["name"] = "user_name", ["first_name"] = "user_name",
        ["website_name"] = "app_name", ["app_name"] = "app_name", ["company_name"] = "app_name",
        ["customer_support_phone_number"] = "support_phone", ["support_phone_number"] = "support_phone",
        ["customer_support_email"] = "support_email", ["customer_support_email_address"] = "support_email",
        ["website_url"] = "help_link",
    };

    public static StandardizedScript Standardize(string answer, StyleRules rules, PiiRedactor? redactor = null)
    {
        var changes = new List<string>();
        var defaults = new Dictionary<string, (ScriptVariableType Type, string? Default)>(StringComparer.Ordinal);
        var body = (answer ?? "").Replace("\r\n", "\n").Trim();

        body = MapImportedPlaceholders(body, changes);
        body = ReplaceLinks(body, defaults, changes);
        body = ReplaceOrderNumbers(body, changes);
        body = ReplacePersonalData(body, redactor ?? PiiRedactor.Default, changes);
        body = ReplaceGreetingName(body, changes);
        body = PhraseRewriter.Apply(body, rules, changes);
        body = AddGreetingAndClosing(body, rules, changes);

        var variables = ScriptPlaceholders.Names(body).Select(name =>
        {
            var (type, fallback) = defaults.TryGetValue(name, out var d) ? d : (TypeOf(name), null);
            return new ScriptVariable(name, type, Required: fallback is null, fallback);
        }).ToList();
        return new StandardizedScript(body, variables, changes);
    }

    private static ScriptVariableType TypeOf(string name) =>
        name.EndsWith("_link", StringComparison.Ordinal) || name == "link" ? ScriptVariableType.Url
        : name.EndsWith("_amount", StringComparison.Ordinal) ? ScriptVariableType.Money
        : name.EndsWith("_date", StringComparison.Ordinal) ? ScriptVariableType.Date
        : ScriptVariableType.Text;

    private static string MapImportedPlaceholders(string body, List<string> changes)
    {
        foreach (var p in ScriptPlaceholders.Parse(body).Where(p => p.Raw != "{{").Reverse())
        {
            var name = ScriptPlaceholders.ToVariableName(p.Raw);
            if (name.Length == 0) continue;
            name = Synonyms.GetValueOrDefault(name, name);
            if (p.IsWellFormed && p.Name == name) continue;
            body = body[..p.Start] + "{{" + name + "}}" + body[p.End..];
            changes.Add($"placeholder {{{{{p.Raw.Trim()}}}}} → {{{{{name}}}}}");
        }
        return body;
    }

    private static string ReplaceLinks(string body, Dictionary<string, (ScriptVariableType, string?)> defaults, List<string> changes)
    {
        var links = TextScan.Links(body).Reverse().ToList();
        for (var i = 0; i < links.Count; i++)
        {
            var (start, end, url) = links[i];
            var name = links.Count - i == 1 ? "help_link" : $"help_link_{links.Count - i}";
            defaults[name] = (ScriptVariableType.Url, url.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? "https://" + url : url);
            body = body[..start] + "{{" + name + "}}" + body[end..];
            changes.Add($"link → {{{{{name}}}}} (default: the link)");
        }
        return body;
    }

    private static string ReplaceOrderNumbers(string body, List<string> changes)
    {
        var replaced = OrderNumber().Replace(body, m => m.Groups["label"].Value + "{{order_id}}");
        if (replaced != body) changes.Add("order number → {{order_id}}");
        return replaced;
    }

    private static string ReplacePersonalData(string body, PiiRedactor redactor, List<string> changes)
    {
        foreach (var span in redactor.Find(body).Reverse())
        {
            var name = VariableFor(span.Type);
            body = body[..span.Start] + (name.Length > 0 ? "{{" + name + "}}" : "[removed]") + body[span.End..];
            changes.Add(name.Length > 0 ? $"{span.Name} → {{{{{name}}}}}" : $"{span.Name} removed");
        }
        // Text redacted before it was stored (imported agent replies) holds the redactor's markers instead.
        foreach (var type in PiiTypes.BuiltIn)
        {
            var marker = PiiTypes.Marker(type);
            if (!body.Contains(marker, StringComparison.Ordinal)) continue;
            var name = VariableFor(type);
            body = body.Replace(marker, name.Length > 0 ? "{{" + name + "}}" : "[removed]", StringComparison.Ordinal);
            changes.Add(name.Length > 0 ? $"{marker} → {{{{{name}}}}}" : $"{marker} removed");
        }
        return body;
    }

    private static string VariableFor(PiiType type) => type switch { PiiType.Email => "user_email", PiiType.Phone => "user_phone", _ => "" };

    private static string ReplaceGreetingName(string body, List<string> changes)
    {
        var english = GreetingName().Match(body);
        if (english.Success && !english.Groups["name"].Value.Contains("{{", StringComparison.Ordinal))
        {
            changes.Add("customer's name → {{user_name}}");
            return body[..english.Groups["name"].Index] + "{{user_name}}" + body[(english.Groups["name"].Index + english.Groups["name"].Length)..];
        }
        var chinese = ChineseGreetingName().Match(body);
        if (chinese.Success)
        {
            changes.Add("customer's name → {{user_name}}");
            return body[..chinese.Groups["name"].Index] + "{{user_name}}" + body[(chinese.Groups["name"].Index + chinese.Groups["name"].Length)..];
        }
        return body;
    }

    private static string AddGreetingAndClosing(string body, StyleRules rules, List<string> changes)
    {
        var findings = new List<LintFinding>();
        var masked = TextScan.MaskPlaceholdersAndLinks(body, ScriptPlaceholders.Parse(body), []);
        StructureChecks.Run(masked, rules, findings);
        if (findings.Any(f => f.Rule == LintRules.Greeting) && rules.GreetingTemplate.Length > 0)
        {
            body = rules.GreetingTemplate + (TextScan.IsCjk(rules.GreetingTemplate[^1]) || rules.GreetingTemplate.EndsWith('，') ? "" : " ") + body;
            changes.Add("greeting added");
        }
        if (findings.Any(f => f.Rule == LintRules.Closing) && rules.ClosingTemplate.Length > 0)
        {
            body = body.TrimEnd() + (TextScan.IsCjk(rules.ClosingTemplate[0]) ? "" : "\n") + rules.ClosingTemplate;
            changes.Add("closing added");
        }
        return body;
    }

    [GeneratedRegex(@"(?<label>(?:order|purchase|transaction)(?:\s*(?:number|no\.?|id|#))?\s*[:#]?\s*|订单号?\s*[:：]?\s*)\d[\d-]{5,}\d", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OrderNumber();

    [GeneratedRegex(@"^\s*(?i:hi|hello|hey|dear)\s+(?<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s*[,!]", RegexOptions.CultureInvariant)]
    private static partial Regex GreetingName();

    [GeneratedRegex(@"^\s*(?:亲爱的)?(?<name>[\u4e00-\u9fff]{1,4}?)(?:先生|女士)?(?:您好|你好)", RegexOptions.CultureInvariant)]
    private static partial Regex ChineseGreetingName();
}
