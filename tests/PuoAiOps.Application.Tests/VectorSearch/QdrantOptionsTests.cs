using PuoAiOps.Application.VectorSearch;
using PuoAiOps.Application.VectorSearch.Qdrant;

namespace PuoAiOps.Application.Tests.VectorSearch;

public sealed class QdrantOptionsTests
{
    [Theory]
    [InlineData("localhost:6334", "Url must be an http:// or https:// address")]
    [InlineData("ftp://qdrant:6334", "Url must be an http:// or https:// address")]
    [InlineData("http://qdrant:6334/collections", "Url must be an http:// or https:// address")]
    public void Validate_RefusesUrlsThatAreNotAGrpcEndpoint(string url, string message) =>
        Assert.Contains(new VectorSearchOptions { Provider = VectorProvider.Qdrant, Qdrant = { Url = url } }.Validate(), e => e.Contains(message, StringComparison.Ordinal));

    [Fact]
    public void Validate_RefusesAnApiKeyInClearTextToAnotherHost()
    {
        var errors = new QdrantOptions { Url = "http://qdrant.internal:6334", ApiKey = "secret" }.Validate().ToList();
        Assert.Equal("VectorSearch:Qdrant:ApiKey would be sent in clear text to qdrant.internal: use an https:// Url.", Assert.Single(errors));
    }

    [Theory]
    [InlineData("https://qdrant.internal:6334")]
    [InlineData("http://127.0.0.1:6334")]
    [InlineData("http://localhost:6334")]
    [InlineData("http://[::1]:6334")]
    public void Validate_AcceptsAnApiKeyOverTlsOrToLoopback(string url) =>
        Assert.Empty(new QdrantOptions { Url = url, ApiKey = "secret" }.Validate());

    [Fact]
    public void Validate_ChecksLimits_AndOnlyWhenQdrantIsTheProvider()
    {
        var bad = new QdrantOptions { Collection = "no spaces", TimeoutSeconds = 0, Retries = 11, RetryDelayMilliseconds = 0, BatchSize = 0 };
        Assert.Equal(5, bad.Validate().Count());
        Assert.Empty(new VectorSearchOptions { Provider = VectorProvider.Embedded, Qdrant = bad }.Validate());
        Assert.Equal(5, new VectorSearchOptions { Provider = VectorProvider.Qdrant, Qdrant = bad }.Validate().Count());
    }
}
