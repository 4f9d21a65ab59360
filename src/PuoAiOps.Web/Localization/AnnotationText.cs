namespace PuoAiOps.Web.Localization;

/// <summary>Strings of the annotation pages (Components/Annotation): batches, labeling, adjudication, quality, guides.</summary>
public sealed class AnnotationText;
