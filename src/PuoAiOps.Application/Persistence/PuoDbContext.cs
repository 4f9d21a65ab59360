using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Persistence;

/// <summary>The one database of the console. Feature services use it directly (no repository layer).</summary>
public sealed class PuoDbContext(DbContextOptions<PuoDbContext> options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Setting> Settings => Set<Setting>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<BackgroundJob> Jobs => Set<BackgroundJob>();
    public DbSet<IntentDomain> Domains => Set<IntentDomain>();
    public DbSet<Intent> Intents => Set<Intent>();
    public DbSet<TaxonomyVersion> TaxonomyVersions => Set<TaxonomyVersion>();
    public DbSet<TaxonomyChange> TaxonomyChanges => Set<TaxonomyChange>();
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();
    public DbSet<AnnotationBatch> Batches => Set<AnnotationBatch>();
    public DbSet<BatchAnnotator> BatchAnnotators => Set<BatchAnnotator>();
    public DbSet<AnnotationItem> Items => Set<AnnotationItem>();
    public DbSet<AnnotationLease> Leases => Set<AnnotationLease>();
    public DbSet<AnnotationLabel> Labels => Set<AnnotationLabel>();
    public DbSet<AnnotationSkip> Skips => Set<AnnotationSkip>();
    public DbSet<Adjudication> Adjudications => Set<Adjudication>();
    public DbSet<ReplyScript> Scripts => Set<ReplyScript>();
    public DbSet<ReplyScriptVersion> ScriptVersions => Set<ReplyScriptVersion>();
    public DbSet<ScriptReviewComment> ScriptComments => Set<ScriptReviewComment>();
    public DbSet<AgentReply> AgentReplies => Set<AgentReply>();
    public DbSet<SopDocument> Documents => Set<SopDocument>();
    public DbSet<SopChunk> Chunks => Set<SopChunk>();
    public DbSet<SopDocumentVersion> DocumentVersions => Set<SopDocumentVersion>();
    public DbSet<GlossaryEntry> Glossary => Set<GlossaryEntry>();
    public DbSet<RetrievalSuite> RetrievalSuites => Set<RetrievalSuite>();
    public DbSet<RetrievalTestQuery> RetrievalTestQueries => Set<RetrievalTestQuery>();
    public DbSet<RetrievalSuiteRun> RetrievalSuiteRuns => Set<RetrievalSuiteRun>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<Turn> Turns => Set<Turn>();
    public DbSet<Feedback> Feedback => Set<Feedback>();
    public DbSet<AnswerGrade> Grades => Set<AnswerGrade>();
    public DbSet<Escalation> Escalations => Set<Escalation>();
    public DbSet<TurnTrace> TurnTraces => Set<TurnTrace>();
    public DbSet<ModelVersion> ModelVersions => Set<ModelVersion>();
    public DbSet<MetricRollup> MetricRollups => Set<MetricRollup>();
    public DbSet<MetricUserDay> MetricUserDays => Set<MetricUserDay>();
    public DbSet<MetricReuseCount> MetricReuseCounts => Set<MetricReuseCount>();
    public DbSet<MetricIntentDay> MetricIntentDays => Set<MetricIntentDay>();
    public DbSet<MetricReport> MetricReports => Set<MetricReport>();
    public DbSet<GradingAssignment> GradingAssignments => Set<GradingAssignment>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PuoDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums as text: readable in SQL, stable when members are reordered.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<Dictionary<string, string>>().HaveConversion<JsonDictionaryConverter, JsonDictionaryComparer>();
        configurationBuilder.Properties<List<string>>().HaveConversion<JsonListConverter, JsonListComparer>();
    }
}
