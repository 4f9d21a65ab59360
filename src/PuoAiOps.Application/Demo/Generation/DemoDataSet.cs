using Microsoft.AspNetCore.Identity;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Demo.Generation;

/// <summary>Every row of one demo workspace, with ids assigned, in the order they can be inserted.</summary>
internal sealed class DemoDataSet
{
    public List<IdentityRole> NewRoles { get; } = [];
    public List<AppUser> Users { get; } = [];
    public List<IdentityUserRole<string>> UserRoles { get; } = [];
    public List<IntentDomain> Domains { get; } = [];
    public List<Intent> Intents { get; } = [];
    public List<SopDocument> Documents { get; } = [];
    public List<SopChunk> Chunks { get; } = [];
    public List<ReplyScript> Scripts { get; } = [];
    public List<ReplyScriptVersion> ScriptVersions { get; } = [];
    public List<Question> Questions { get; } = [];
    public List<AnnotationBatch> Batches { get; } = [];
    public List<BatchAnnotator> BatchAnnotators { get; } = [];
    public List<AnnotationItem> Items { get; } = [];
    public List<AnnotationLabel> Labels { get; } = [];
    public List<AnnotationSkip> Skips { get; } = [];
    public List<Adjudication> Adjudications { get; } = [];
    public List<Conversation> Conversations { get; } = [];
    public List<Turn> Turns { get; } = [];
    public List<Feedback> Feedback { get; } = [];
    public List<AnswerGrade> Grades { get; } = [];
    public List<Escalation> Escalations { get; } = [];
}
