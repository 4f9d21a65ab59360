namespace PuoAiOps.Web.Localization;

/// <summary>Strings of the classifier pages and the job progress component (ClassificationText.resx, ClassificationText.zh-CN.resx).</summary>
public sealed class ClassificationText;
