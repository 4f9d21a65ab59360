namespace PuoAiOps.Web.Localization;

/// <summary>Strings of the question pages (list, import, import run) (QuestionsText.resx, QuestionsText.zh-CN.resx).</summary>
public sealed class QuestionsText;
