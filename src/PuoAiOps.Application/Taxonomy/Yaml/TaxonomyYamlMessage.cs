using PuoAiOps.Core.Messages;

namespace PuoAiOps.Application.Taxonomy.Yaml;

/// <summary>
/// The problems of a taxonomy file (<see cref="TaxonomyYamlError.Code"/>), each reported at its line:
/// the console words them from <c>TaxonomyText</c> (<c>TaxonomyYamlMessage.&lt;value&gt;</c>) after its own
/// "Line N" prefix, the API and CLI in English. The <c>In*</c> and <c>Kind*</c> values are words used
/// inside other messages. The YAML parser's own sentence is only ever the last argument of <see cref="MalformedYaml"/>
/// and <see cref="MalformedYamlAtEnd"/> (a detail); the <c>Import*</c> values are the import's warnings
/// (<see cref="TaxonomyImportResult.WarningMessages"/>).
/// </summary>
public enum TaxonomyYamlMessage
{
    [English("The YAML is malformed at line {0}, column {1} ({2}).")] MalformedYaml,
    [English("The YAML is malformed: the file ends before a bracket, quote or block is closed ({0}).")] MalformedYamlAtEnd,
    [English("Malformed YAML near here (check brackets, quotes and indentation).")] MalformedNearHere,
    [English("The file is empty.")] FileEmpty,
    [English("The file holds more than one YAML document.")] SeveralDocuments,
    [English("The file must be a mapping with 'format' and 'domains'.")] RootNotMapping,
    [English("Unsupported format '{0}'; expected '{1}'.")] UnsupportedFormat,
    [English("'domains' must be a list of domains.")] DomainsNotList,
    [English("A domain must be a mapping (key, names, intents...).")] DomainNotMapping,
    [English("Duplicate domain key '{0}' (first at line {1}).")] DuplicateDomainKey,
    [English("sort_order must be a whole number, not '{0}'.")] SortOrderNotNumber,
    [English("'intents' must be a list.")] IntentsNotList,
    [English("An intent must be a mapping (key, names, description...).")] IntentNotMapping,
    [English("Duplicate intent key '{0}' (first at line {1}).")] DuplicateIntentKey,
    [English("status must be active, draft or deprecated, not '{0}'.")] BadStatus,
    [English("Only a deprecated intent has replaced_by.")] ReplacedByNotDeprecated,
    [English("Intent '{0}' cannot replace itself.")] ReplacesItself,
    [English("'names' must map locales to names, e.g. en: Recharge failed.")] NamesNotMapping,
    [English("Each name is 'locale: text'.")] NameNotPair,
    [English("'examples' must be a list of questions.")] ExamplesNotList,
    [English("Each example is one line of text.")] ExampleNotText,
    [English("Unknown field '{0}' in {1}; expected one of: {2}.")] UnknownField,
    [English("'{0}' must be text, not a {1}.")] NotText,
    [English("The file has no intents: importing it would deprecate the whole taxonomy. Export first and edit that file.")] NoIntents,
    [English("Unknown domain '{0}': it does not exist here. Give it names to create it.")] UnknownDomain,
    [English("replaced_by '{0}' is neither in this file nor in the taxonomy.")] ReplacedByUnknown,
    [English("intent '{0}': {1}")] InIntent,

    [English("Domain '{0}' (line {1}): changes to a domain's names, description or order are not imported.")] ImportDomainChangesIgnored,
    [English("Domain '{0}' (line {1}) has no intents, so it is not created.")] ImportDomainWithoutIntents,
    [English("Intent '{0}' (line {1}) is deprecated by the file; its other changes are not proposed.")] ImportDeprecatedChangesIgnored,
    [English("Intent '{0}' (line {1}): the replacement of an already deprecated intent is not imported.")] ImportReplacementIgnored,

    [English("the file")] InTheFile,
    [English("a domain")] InADomain,
    [English("an intent")] InAnIntent,
    [English("list")] KindList,
    [English("mapping")] KindMapping,
}
