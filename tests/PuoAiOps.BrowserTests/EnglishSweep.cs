using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace PuoAiOps.BrowserTests;

/// <summary>
/// Finds English left on a Chinese page: every visible text node (and every placeholder, aria-label and title)
/// that is not inside an element marked with a language of its own — user content is marked with its own
/// <c>lang</c>, console text inherits the page's — is split into tokens, and a run of consecutive English-looking words with two or more words of
/// three letters or more is a hit. Single words pass: they are names, units or abbreviations far more often than
/// sentences, and a sentence always has two words in a row. Tokens with digits, underscores, dots, slashes,
/// colons or @ inside are identifiers (intent keys, settings, addresses), and all-capital ones abbreviations, not words.
/// </summary>
public static partial class EnglishSweep
{
    /// <summary>
    /// Runs that are English on purpose, each with its reason. Names of products and services are written the
    /// same in both languages (the glossary keeps them), so are people's names the demo workspace gives its
    /// users and the display names this test gives the people it creates.
    /// </summary>
    private static readonly string[] Allowed =
    [
        // Products, services and providers: proper names, the same in Chinese text.
        "Semantic Kernel", "Azure OpenAI", "OpenAI Compatible", "Entra",
        // People's names (the demo's users and the walk's own): names, not UI text.
        "Ada Admin", "Walker",
    ];

    // The script collects text where a reader sees it. Console text takes its language from <html lang>; an element
    // the page marks with a lang of its own is content shown as written (a question, a name, a language name in its
    // own language), whatever that lang is: a Chinese question may name "Apple Pay". It is left alone, and so are
    // code and keyboard keys. Unmarked user content still counts, which is how the sweep finds it.
    private const string Script = """
        () => {
          const skip = 'script,style,noscript,code,kbd,pre,samp,textarea,svg,[hidden],[aria-hidden=true]';
          const other = el => { const m = el.closest('[lang]'); return m && m !== document.documentElement; };
          const out = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const text = n.nodeValue.replace(/\s+/g, ' ').trim();
            if (!/[A-Za-z]{3,}/.test(text)) continue;
            const el = n.parentElement;
            if (!el || el.closest(skip) || other(el)) continue;
            if (el.checkVisibility && !el.checkVisibility({ visibilityProperty: true })) continue;
            out.push(text);
          }
          for (const el of document.body.querySelectorAll('[placeholder],[aria-label],[title]')) {
            if (el.closest(skip) || other(el)) continue;
            for (const name of ['placeholder', 'aria-label', 'title']) {
              const value = el.getAttribute(name);
              if (value && /[A-Za-z]{3,}/.test(value)) out.push(name + '=' + value);
            }
          }
          return out;
        }
        """;

    /// <summary>
    /// Runs found before and not fixed yet (EnglishSweepKnown.txt, one per line, each kind explained there): passed,
    /// so the walk fails on any new English while the list shrinks.
    /// </summary>
    private static readonly Lazy<HashSet<string>> Known = new(() => File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "EnglishSweepKnown.txt"))
        .Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal));

    /// <summary>The English runs on the page as it is now that are not known yet, each with its text; empty when there are none.</summary>
    public static async Task<IReadOnlyList<string>> FindAsync(IPage page)
    {
        var texts = await page.EvaluateAsync<string[]>(Script);
        return texts.Select(t => (Text: t, Run: EnglishRun(t)))
            .Where(h => h.Run is not null && !Known.Value.Contains(h.Run))
            .Select(h => $"“{h.Run}” in “{Shorten(h.Text)}”").Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The first run of English-looking words in <paramref name="text"/> with two or more words of three letters or
    /// more (short words such as "is" or "of" join a run but do not make one) that the allow-list does not cover, or null.
    /// </summary>
    public static string? EnglishRun(string text)
    {
        foreach (var allowed in Allowed) text = text.Replace(allowed, " · ", StringComparison.Ordinal);
        // Chinese characters and punctuation end a run: "LLM 评审需要 LLM" is not two English words in a row.
        text = NotAscii().Replace(text, " · ");
        var run = new List<string>();
        foreach (var token in text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Append("·"))
        {
            if (Word().IsMatch(token))
            {
                run.Add(token);
                continue;
            }
            if (run.Count(w => w.Count(char.IsAsciiLetter) >= 3) >= 2) return string.Join(' ', run);
            run.Clear();
        }
        return null;
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + "…";

    // Letters only, at least one of them lower case (an all-capitals token is an abbreviation: LLM, CSV, HTTP), with
    // at most sentence punctuation around them ("(Save", "page," and "it's" count too).
    [GeneratedRegex(@"^[(""']?(?=[A-Za-z']*[a-z])[A-Za-z]+(?:'[a-z]+)?[)""'.,;:!?]*$")]
    private static partial Regex Word();

    [GeneratedRegex(@"[^\x00-\x7F]+")]
    private static partial Regex NotAscii();
}
