using CsCheck;
using PuoAiOps.Application.Ai.Prompts;
using PuoAiOps.Application.Taxonomy.Yaml;
using PuoAiOps.Core.Tests.Properties;

namespace PuoAiOps.Application.Tests.YamlSafety;

/// <summary>
/// The YAML readers of files people hand in (taxonomy import, prompt overrides) over
/// <see cref="HostileText"/>: a file is read or refused with problems that name lines of the file,
/// and no other exception ever escapes.
/// </summary>
public sealed class YamlReaderProperties
{
    /// <summary>Line breaks as YAML counts them (NEL, LS and PS included), for the upper bound of a reported line.</summary>
    private static int Lines(string text) =>
        1 + text.Count(c => c is '\n' or '\u0085' or '\u2028' or '\u2029') + text.Replace("\r\n", "\n", StringComparison.Ordinal).Count(c => c == '\r');

    [Fact]
    public void TaxonomyReader_AnyText_ReadsOrReportsProblemsOnLinesOfTheFile()
    {
        HostileText.Text.Sample(text =>
        {
            var (document, errors) = TaxonomyYamlReader.Read(text);
            Assert.True(document is not null ^ errors.Count > 0, "either a document or errors");
            Assert.All(errors, e => Assert.InRange(e.Line, 1, Lines(text)));
            Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
        }, iter: 300);
    }

    [Fact]
    public void TaxonomyReader_HostileValuesInAWellFormedFile_AreReadOrRefusedByLine()
    {
        // Hostile text in every free-text field of an otherwise valid file, written as the exporter writes it.
        var fields = Gen.Select(HostileText.Short, HostileText.Short, HostileText.Text.Where(t => t.Length < 5_000), HostileText.Short.Array[0, 4]);
        fields.Sample((name, description, criteria, examples) =>
        {
            var document = new TaxonomyDocument([new DomainDocument
            {
                Key = "payments", Names = new Dictionary<string, string> { ["en"] = "Payments" }, Line = 0,
                Intents = [new IntentDocument
                {
                    Key = "recharge_failed", Names = new Dictionary<string, string> { ["en"] = name }, Description = description,
                    IncludeCriteria = criteria, Examples = examples,
                }],
            }]);
            string yaml;
            try
            {
                yaml = TaxonomyYamlWriter.Write(document);
            }
            catch (YamlDotNet.Core.YamlException)
            {
                return; // text no YAML file can hold (the emitter refuses it); the reader's side is what is checked here
            }
            var (read, errors) = TaxonomyYamlReader.Read(yaml);
            Assert.True(read is not null ^ errors.Count > 0, "either a document or errors");
            Assert.All(errors, e => Assert.InRange(e.Line, 1, Lines(yaml)));
            if (read is null) return;
            Assert.Equal("recharge_failed", Assert.Single(read.Intents).Key);
            Assert.Equal(examples.Length, read.Intents.Single().Examples.Count);
        }, iter: 200);
    }

    [Fact]
    public void PromptParse_AnyText_GivesATemplateOrAMessage()
    {
        HostileText.Text.Sample(text =>
        {
            try
            {
                PromptLibrary.Parse(text, "prompts/x.prompt.yaml");
            }
            catch (InvalidOperationException ex)
            {
                Assert.False(string.IsNullOrWhiteSpace(ex.Message));
            }
        }, iter: 300);
    }
}
