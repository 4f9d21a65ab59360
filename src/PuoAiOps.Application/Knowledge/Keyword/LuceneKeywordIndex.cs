using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using PuoAiOps.Application.Knowledge.Indexing;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace PuoAiOps.Application.Knowledge.Keyword;

/// <summary>
/// The BM25 keyword index (Lucene.Net) of chunks, in the data folder. Writers are opened per
/// batch and closed at once, so the console and `puo kb ...` can both update the same folder (one
/// at a time: Lucene's write lock says so). Searches use a reader refreshed after our own writes
/// and, at most once a second, for commits made by another process.
/// </summary>
public sealed class LuceneKeywordIndex : IDisposable
{
    private const string IdField = "id";

    /// <summary>The chunk id again, as a doc value: a hit's id is read without loading (decompressing) its stored fields.</summary>
    private const string IdValueField = "id_value";
    private const string LocaleField = "lang";
    private const string DomainField = "domain";
    private const string IntentField = "intent";
    private static readonly Similarity Bm25 = new BM25Similarity(1.2f, 0.75f);

    private readonly LuceneDirectory _directory;
    private readonly Analyzer _analyzer;
    private readonly Lock _writeGate = new();
    private readonly Lock _readGate = new();
    private SearcherManager? _manager;
    private long _lastCheck;

    public LuceneKeywordIndex(LuceneDirectory directory, ChineseAnalyzerKind chinese)
    {
        _directory = directory;
        _analyzer = KnowledgeAnalyzers.Create(chinese);
    }

    /// <summary>Adds or replaces chunks, removes ids, and commits once.</summary>
    public void Apply(IReadOnlyCollection<ChunkRecord> upserts, IReadOnlyCollection<long> deletes)
    {
        if (upserts.Count == 0 && deletes.Count == 0) return;
        lock (_writeGate)
        {
            using var writer = OpenWriter();
            foreach (var id in deletes) writer.DeleteDocuments(new Term(IdField, Key(id)));
            foreach (var chunk in upserts) writer.UpdateDocument(new Term(IdField, Key(chunk.Id)), ToDocument(chunk));
            writer.Commit();
        }
        Refresh(force: true);
    }

    /// <summary>Empties the index (reindex starts here).</summary>
    public void Clear()
    {
        lock (_writeGate)
        {
            using var writer = OpenWriter();
            writer.DeleteAll();
            writer.Commit();
        }
        Refresh(force: true);
    }

    public int Count => WithSearcher(s => s.IndexReader.NumDocs, 0);

    /// <summary>Which of <paramref name="ids"/> the index holds (a document page shows each chunk's index state).</summary>
    public IReadOnlySet<long> Contains(IReadOnlyCollection<long> ids) => ids.Count == 0 ? new HashSet<long>() : WithSearcher<IReadOnlySet<long>>(s =>
    {
        var found = new HashSet<long>();
        foreach (var id in ids)
            if (s.Search(new TermQuery(new Term(IdField, Key(id))), 1).TotalHits > 0) found.Add(id);
        return found;
    }, new HashSet<long>());

    /// <summary>Chunk ids best first with their BM25 scores.</summary>
    public IReadOnlyList<(long Id, float Score)> Search(string query, SearchFilter filter, int top) =>
        string.IsNullOrWhiteSpace(query) ? [] : WithSearcher(s => Search(s, query, filter, top), []);

    private List<(long Id, float Score)> Search(IndexSearcher searcher, string query, SearchFilter filter, int top)
    {
        var languages = filter.Locale is { } locale ? [Locales.Language(locale)] : new[] { "en", "zh" };
        var text = new BooleanQuery();
        foreach (var language in languages)
        {
            var field = KnowledgeAnalyzers.Field(language);
            foreach (var term in KnowledgeAnalyzers.Terms(_analyzer, field, query).Distinct(StringComparer.Ordinal))
                text.Add(new TermQuery(new Term(field, term)), Occur.SHOULD);
        }
        if (text.Clauses.Count == 0) return [];
        var hits = searcher.Search(text, FilterOf(filter), top);
        var result = new List<(long, float)>(hits.ScoreDocs.Length);
        var leaves = searcher.IndexReader.Leaves;
        var values = new NumericDocValues?[leaves.Count];
        var looked = new bool[leaves.Count];
        foreach (var hit in hits.ScoreDocs)
        {
            var leaf = ReaderUtil.SubIndex(hit.Doc, leaves);
            if (!looked[leaf])
            {
                values[leaf] = leaves[leaf].AtomicReader.GetNumericDocValues(IdValueField);
                looked[leaf] = true;
            }
            // Chunks indexed before the doc value existed read 0 (or no value at all): they fall back to the stored id.
            var id = values[leaf]?.Get(hit.Doc - leaves[leaf].DocBase) ?? 0;
            if (id <= 0) id = long.Parse(searcher.Doc(hit.Doc).Get(IdField), CultureInfo.InvariantCulture);
            result.Add((id, hit.Score));
        }
        return result;
    }

    private static QueryWrapperFilter? FilterOf(SearchFilter filter)
    {
        var must = new BooleanQuery();
        if (filter.Locale is { } locale) must.Add(new TermQuery(new Term(LocaleField, Locales.Language(locale))), Occur.MUST);
        if (filter.Domain is { } domain) must.Add(new TermQuery(new Term(DomainField, domain.ToLowerInvariant())), Occur.MUST);
        if (filter.Intent is { } intent) must.Add(new TermQuery(new Term(IntentField, intent.ToLowerInvariant())), Occur.MUST);
        return must.Clauses.Count == 0 ? null : new QueryWrapperFilter(must);
    }

    private static Document ToDocument(ChunkRecord chunk)
    {
        var language = Locales.Language(chunk.Locale);
        var document = new Document
        {
            new StringField(IdField, Key(chunk.Id), Field.Store.YES),
            new NumericDocValuesField(IdValueField, chunk.Id),
            new StringField(LocaleField, language, Field.Store.NO),
            new TextField(KnowledgeAnalyzers.Field(language), chunk.SearchText, Field.Store.NO),
        };
        if (chunk.Domain is { Length: > 0 } domain) document.Add(new StringField(DomainField, domain.ToLowerInvariant(), Field.Store.NO));
        foreach (var intent in chunk.Intents) document.Add(new StringField(IntentField, intent.ToLowerInvariant(), Field.Store.NO));
        return document;
    }

    private static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);

    private IndexWriter OpenWriter()
    {
        var config = new IndexWriterConfig(KnowledgeAnalyzers.Version, _analyzer)
        {
            Similarity = Bm25,
            OpenMode = OpenMode.CREATE_OR_APPEND,
            RAMBufferSizeMB = 64,
        };
        try
        {
            return new IndexWriter(_directory, config);
        }
        catch (Lucene.Net.Store.LockObtainFailedException)
        {
            throw new InvalidOperationException("The keyword index is being written by another process; try again when it has finished.");
        }
    }

    /// <summary>Runs <paramref name="read"/> on a searcher that stays open until it returns (SearcherManager reference counting).</summary>
    private T WithSearcher<T>(Func<IndexSearcher, T> read, T empty)
    {
        Refresh(force: false);
        var manager = _manager;
        if (manager is null) return empty;
        var searcher = manager.Acquire();
        try
        {
            return read(searcher);
        }
        finally
        {
            manager.Release(searcher);
        }
    }

    private void Refresh(bool force)
    {
        var now = Environment.TickCount64;
        if (!force && _manager is not null && now - Interlocked.Read(ref _lastCheck) < 1000) return;
        lock (_readGate)
        {
            Interlocked.Exchange(ref _lastCheck, now);
            if (_manager is null)
            {
                if (DirectoryReader.IndexExists(_directory)) _manager = new SearcherManager(_directory, new Bm25SearcherFactory());
                return;
            }
            if (force) _manager.MaybeRefreshBlocking();
            else _manager.MaybeRefresh();
        }
    }

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = Bm25 };
    }

    public void Dispose()
    {
        _manager?.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
    }
}
