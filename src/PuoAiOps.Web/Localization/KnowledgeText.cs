namespace PuoAiOps.Web.Localization;

/// <summary>Strings of the knowledge pages: documents, retrieval test and suites, glossary (KnowledgeText.resx, KnowledgeText.zh-CN.resx).</summary>
public sealed class KnowledgeText;
