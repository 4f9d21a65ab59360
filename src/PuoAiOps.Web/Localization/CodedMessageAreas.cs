using PuoAiOps.Application.Admin;
using PuoAiOps.Application.Ai;
using PuoAiOps.Application.Annotation;
using PuoAiOps.Application.Bot;
using PuoAiOps.Application.Classification;
using PuoAiOps.Application.Classification.Jobs;
using PuoAiOps.Application.Escalations;
using PuoAiOps.Application.Jobs;
using PuoAiOps.Application.Knowledge;
using PuoAiOps.Application.Knowledge.Ingestion;
using PuoAiOps.Application.Localization;
using PuoAiOps.Application.Metrics;
using PuoAiOps.Application.Profile;
using PuoAiOps.Application.Questions;
using PuoAiOps.Application.Scripts;
using PuoAiOps.Application.Taxonomy.Changes;
using PuoAiOps.Application.Taxonomy.Yaml;
using PuoAiOps.Core.Scripts;
using PuoAiOps.Core.Taxonomy;

namespace PuoAiOps.Web.Localization;

/// <summary>
/// Which console resource words which message code enum (<c>&lt;enum&gt;.&lt;value&gt;</c> keys). A page that
/// shows messages of one area words them with its own localizer; a shared component that shows messages of
/// any area (a background job's line) words them through <see cref="MessageWords"/>, which looks here.
/// CodedMessageResourceTests fails when a code enum is missing or a value lacks its wording.
/// </summary>
public static class CodedMessageAreas
{
    public static readonly IReadOnlyDictionary<Type, Type> All = new Dictionary<Type, Type>
    {
        [typeof(TaxonomyRefusal)] = typeof(TaxonomyText),
        [typeof(ImpactNote)] = typeof(TaxonomyText),
        [typeof(TaxonomyKeyMessage)] = typeof(TaxonomyText),
        [typeof(TaxonomyYamlMessage)] = typeof(TaxonomyText),
        [typeof(ChangeSummary)] = typeof(TaxonomyText),
        [typeof(AnnotationRefusal)] = typeof(AnnotationText),
        [typeof(KnowledgeRefusal)] = typeof(KnowledgeText),
        [typeof(KnowledgeJobMessage)] = typeof(KnowledgeText),
        [typeof(LintMessage)] = typeof(ScriptsText),
        [typeof(ScriptRefusal)] = typeof(ScriptsText),
        [typeof(MetricsRefusal)] = typeof(MetricsText),
        [typeof(MetricsJobMessage)] = typeof(MetricsText),
        [typeof(BotRefusal)] = typeof(PlaygroundText),
        // Reasons are worded in Application, where the CLI's reports read them too.
        [typeof(BotReason)] = typeof(ReasonText),
        [typeof(AnswerRejection)] = typeof(ReasonText),
        [typeof(AdminRefusal)] = typeof(AdminText),
        [typeof(EscalationRefusal)] = typeof(EscalationsText),
        [typeof(HandoffReason)] = typeof(ReasonText),
        [typeof(ClassificationRefusal)] = typeof(ClassificationText),
        [typeof(ClassificationJobMessage)] = typeof(ClassificationText),
        [typeof(ProfileRefusal)] = typeof(ProfileText),
        [typeof(QuestionRefusal)] = typeof(QuestionsText),
        [typeof(PuoAiOps.Core.Import.QuestionFileMessage)] = typeof(QuestionsText),
        [typeof(PuoAiOps.Core.Import.QuestionRowMessage)] = typeof(QuestionsText),
        [typeof(AuditDetail)] = typeof(AdminText),
        [typeof(JobMessage)] = typeof(JobText),
        [typeof(AiRefusal)] = typeof(JobText),
        [typeof(ScriptFileMessage)] = typeof(ScriptsText),
        [typeof(StyleRulesProblem)] = typeof(ScriptsText),
        [typeof(PuoAiOps.Core.Text.Redaction.PiiPatternProblem)] = typeof(AdminText),
        // Also worded by ScriptsText and KnowledgeText, inside those areas' own messages.
        [typeof(PuoAiOps.Application.Common.Yaml.YamlRefusal)] = typeof(TaxonomyText),
    };
}
