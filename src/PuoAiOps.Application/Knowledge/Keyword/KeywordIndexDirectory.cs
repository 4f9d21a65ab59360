using Lucene.Net.Store;

namespace PuoAiOps.Application.Knowledge.Keyword;

/// <summary>
/// Opens the keyword index's folder. Not <see cref="FSDirectory.Open(string)"/>: on 64-bit Linux and Windows that
/// picks <c>MMapDirectory</c>, which in Lucene.Net 4.8.0-beta00017 and -beta00018 can unmap a memory-mapped view
/// while another thread still reads it when a <see cref="Lucene.Net.Search.SearcherManager"/> swaps readers: a hard
/// process crash (exit 139), not an exception (docs/decisions/0013-keyword-index-without-memory-mapping.md).
/// <see cref="NIOFSDirectory"/> reads with positioned file reads through the OS page cache instead.
/// </summary>
public static class KeywordIndexDirectory
{
    public static FSDirectory Open(string folder) => new NIOFSDirectory(folder);
}
