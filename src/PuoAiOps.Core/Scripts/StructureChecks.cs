using PuoAiOps.Core.Messages;

namespace PuoAiOps.Core.Scripts;

/// <summary>Greeting at the start, closing at the end, and sentences short enough to read on a phone.</summary>
internal static class StructureChecks
{
    private const int GreetingWindow = 60;
    private const int ClosingWindow = 200;

    public static void Run(string masked, StyleRules rules, List<LintFinding> findings)
    {
        var content = masked.TrimEnd();
        var lead = masked.Length - masked.TrimStart().Length;
        if (rules.RequireGreeting && content.Length > 0)
        {
            var window = masked.Substring(lead, Math.Min(GreetingWindow, masked.Length - lead));
            if (!rules.Greetings.Any(g => TextScan.FindPhrase(window, g).Any()))
            {
                var firstBreak = FirstSentenceEnd(masked, lead);
                findings.Add(new(LintRules.Greeting, LintSeverity.Warning,
                    CodedMessage.Of(LintMessage.Greeting, rules.GreetingTemplate), lead, firstBreak));
            }
        }
        if (rules.RequireClosing && content.Length > 0)
        {
            var from = Math.Max(0, content.Length - ClosingWindow);
            if (!rules.Closings.Any(c => TextScan.FindPhrase(content[from..], c).Any()))
                findings.Add(new(LintRules.Closing, LintSeverity.Warning,
                    CodedMessage.Of(LintMessage.Closing, rules.ClosingTemplate), LastSentenceStart(content), content.Length));
        }
        foreach (var (start, end) in TextScan.Sentences(masked))
        {
            var length = Length(masked.AsSpan(start, end - start), out var characters);
            if (length > rules.MaxSentenceLength)
                findings.Add(new(LintRules.SentenceLength, LintSeverity.Warning,
                    CodedMessage.Of(characters ? LintMessage.SentenceTooManyCharacters : LintMessage.SentenceTooManyWords, length, rules.MaxSentenceLength), start, end));
        }
    }

    /// <summary>Characters for Chinese sentences, words otherwise.</summary>
    private static int Length(ReadOnlySpan<char> sentence, out bool characters)
    {
        var cjk = 0;
        var words = 0;
        var inWord = false;
        foreach (var c in sentence)
        {
            if (TextScan.IsCjk(c)) cjk++;
            var word = !char.IsWhiteSpace(c) && !TextScan.IsCjk(c);
            if (word && !inWord) words++;
            inWord = word;
        }
        characters = cjk > 0;
        return cjk > 0 ? cjk + words : words;
    }

    private static int FirstSentenceEnd(string masked, int from)
    {
        foreach (var (start, end) in TextScan.Sentences(masked))
            if (end > from) return end;
        return masked.Length;
    }

    private static int LastSentenceStart(string content)
    {
        var last = 0;
        foreach (var (start, end) in TextScan.Sentences(content))
            if (content.AsSpan(start, end - start).Trim().Length > 0) last = start;
        return last;
    }
}
