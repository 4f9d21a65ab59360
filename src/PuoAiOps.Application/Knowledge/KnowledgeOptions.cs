using PuoAiOps.Application.Knowledge.Keyword;

namespace PuoAiOps.Application.Knowledge;

/// <summary><c>Knowledge</c> settings: limits, chunking, the Chinese analyzer and the fusion parameters.</summary>
public sealed class KnowledgeOptions
{
    public const string SectionName = "Knowledge";

    /// <summary>Largest document accepted, in bytes (an SOP page is a few KB; 2 MB is generous).</summary>
    public long MaxDocumentBytes { get; set; } = 2 * 1024 * 1024;

    public int ChunkMaxChars { get; set; } = 1200;
    public int ChunkOverlapChars { get; set; } = 150;

    /// <summary>Cjk (bigrams, the default: better on our Chinese questions) or SmartCn (dictionary word segmentation); see docs/knowledge.md.</summary>
    public ChineseAnalyzerKind ChineseAnalyzer { get; set; } = ChineseAnalyzerKind.Cjk;

    /// <summary>Candidates each retriever contributes to the fusion.</summary>
    public int Candidates { get; set; } = 50;

    /// <summary>The k of reciprocal rank fusion.</summary>
    public int FusionK { get; set; } = 60;

    /// <summary>Weight of the dense ranking against the keyword ranking in the fusion (2 measured best on the English dev set).</summary>
    public double DenseWeight { get; set; } = 2.0;

    /// <summary>
    /// The same for Chinese queries. 0 leaves the dense list out: all-MiniLM-L6-v2 is English-trained
    /// and fusing its Chinese rankings halved recall@1 on the demo's Chinese questions.
    /// </summary>
    public double ChineseDenseWeight { get; set; }

    /// <summary>Build the indexes from the database at start when they are missing or out of step (the demo workspace's SOPs).</summary>
    public bool IndexAtStart { get; set; } = true;

    /// <summary>Folder of the keyword index; empty means DATA_DIR/knowledge/lucene.</summary>
    public string IndexDir { get; set; } = "";

    /// <summary>
    /// The server folder the console's "Sync folder" action ingests (as <c>puo kb ingest FOLDER</c>);
    /// empty: no such action. Set by whoever runs the server, never typed on a page.
    /// </summary>
    public string SyncFolder { get; set; } = "";

    public IEnumerable<string> Validate()
    {
        if (MaxDocumentBytes < 1024) yield return $"{SectionName}:MaxDocumentBytes must be at least 1024.";
        if (ChunkMaxChars < 200) yield return $"{SectionName}:ChunkMaxChars must be at least 200.";
        if (ChunkOverlapChars < 0 || ChunkOverlapChars >= ChunkMaxChars / 2) yield return $"{SectionName}:ChunkOverlapChars must be between 0 and half of ChunkMaxChars.";
        if (Candidates is < 1 or > 1000) yield return $"{SectionName}:Candidates must be between 1 and 1000.";
        if (FusionK is < 0 or > 1000) yield return $"{SectionName}:FusionK must be between 0 and 1000.";
        if (DenseWeight is < 0 or > 10) yield return $"{SectionName}:DenseWeight must be between 0 and 10.";
        if (ChineseDenseWeight is < 0 or > 10) yield return $"{SectionName}:ChineseDenseWeight must be between 0 and 10.";
    }
}
