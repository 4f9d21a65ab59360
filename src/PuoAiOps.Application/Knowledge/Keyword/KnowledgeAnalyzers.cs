using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Util;

namespace PuoAiOps.Application.Knowledge.Keyword;

public enum ChineseAnalyzerKind { SmartCn, Cjk }

/// <summary>
/// One analyzer per language field: English (stemming, stop words) for text_en, and for text_zh
/// either SmartCn (dictionary word segmentation) or CJK bigrams, by <c>Knowledge:ChineseAnalyzer</c>.
/// </summary>
internal static class KnowledgeAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;
    public const string EnglishField = "text_en";
    public const string ChineseField = "text_zh";

    public static string Field(string language) => language == "zh" ? ChineseField : EnglishField;

    public static Analyzer Create(ChineseAnalyzerKind chinese) => new PerFieldAnalyzerWrapper(
        new EnglishAnalyzer(Version),
        new Dictionary<string, Analyzer>
        {
            [ChineseField] = chinese == ChineseAnalyzerKind.Cjk ? new CJKAnalyzer(Version) : new SmartChineseAnalyzer(Version),
        });

    /// <summary>The terms the field's analyzer makes of a query (no query syntax, so no parse errors).</summary>
    public static List<string> Terms(Analyzer analyzer, string field, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, new StringReader(text));
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) terms.Add(term.ToString());
        stream.End();
        return terms;
    }
}
