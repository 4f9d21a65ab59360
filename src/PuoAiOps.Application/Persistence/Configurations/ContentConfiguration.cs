using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Persistence.Configurations;

internal sealed class ReplyScriptConfiguration : IEntityTypeConfiguration<ReplyScript>
{
    public void Configure(EntityTypeBuilder<ReplyScript> b)
    {
        b.Property(x => x.Locale).HasMaxLength(16);
        b.Property(x => x.Channel).HasMaxLength(16);
        b.HasIndex(x => new { x.IntentId, x.Locale, x.Channel }).IsUnique();
        b.HasOne(x => x.Intent).WithMany().HasForeignKey(x => x.IntentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Versions).WithOne().HasForeignKey(x => x.ScriptId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReplyScriptVersionConfiguration : IEntityTypeConfiguration<ReplyScriptVersion>
{
    public void Configure(EntityTypeBuilder<ReplyScriptVersion> b)
    {
        b.HasIndex(x => new { x.ScriptId, x.Number }).IsUnique();
        b.Property(x => x.Stamp).IsConcurrencyToken();
        b.Property(x => x.Variables).HasConversion<JsonVariablesConverter, JsonVariablesComparer>();
        b.HasMany(x => x.Comments).WithOne().HasForeignKey(x => x.VersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SopDocumentConfiguration : IEntityTypeConfiguration<SopDocument>
{
    public void Configure(EntityTypeBuilder<SopDocument> b)
    {
        b.Property(x => x.Slug).HasMaxLength(128);
        b.HasIndex(x => new { x.Slug, x.Locale }).IsUnique();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasMany(x => x.Chunks).WithOne().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Format).HasMaxLength(16);
        b.Property(x => x.Domain).HasMaxLength(64);
    }
}

internal sealed class SopChunkConfiguration : IEntityTypeConfiguration<SopChunk>
{
    public void Configure(EntityTypeBuilder<SopChunk> b)
    {
        b.Property(x => x.ContentHash).HasMaxLength(64);
        b.Property(x => x.EmbeddingModel).HasMaxLength(64);
    }
}

internal sealed class SopDocumentVersionConfiguration : IEntityTypeConfiguration<SopDocumentVersion>
{
    public void Configure(EntityTypeBuilder<SopDocumentVersion> b)
    {
        b.ToTable("DocumentVersions");
        b.Property(x => x.Format).HasMaxLength(16);
        b.HasIndex(x => new { x.DocumentId, x.Revision }).IsUnique();
        b.HasOne<SopDocument>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GlossaryEntryConfiguration : IEntityTypeConfiguration<GlossaryEntry>
{
    public void Configure(EntityTypeBuilder<GlossaryEntry> b)
    {
        b.ToTable("Glossary");
        b.Property(x => x.Locale).HasMaxLength(16);
        b.Property(x => x.Term).HasMaxLength(128);
        b.HasIndex(x => new { x.Locale, x.Term }).IsUnique();
    }
}

internal sealed class ModelVersionConfiguration : IEntityTypeConfiguration<ModelVersion>
{
    public void Configure(EntityTypeBuilder<ModelVersion> b) => b.HasIndex(x => x.IsServing);
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b) => b.HasIndex(x => x.Prefix).IsUnique();
}

internal sealed class SettingConfiguration : IEntityTypeConfiguration<Setting>
{
    public void Configure(EntityTypeBuilder<Setting> b)
    {
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasMaxLength(128);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b) => b.HasIndex(x => x.At);
}

internal sealed class BackgroundJobConfiguration : IEntityTypeConfiguration<BackgroundJob>
{
    public void Configure(EntityTypeBuilder<BackgroundJob> b) => b.HasIndex(x => new { x.Status, x.CreatedAt });
}

internal sealed class AgentReplyConfiguration : IEntityTypeConfiguration<AgentReply>
{
    public void Configure(EntityTypeBuilder<AgentReply> b)
    {
        b.Property(x => x.Locale).HasMaxLength(16);
        b.HasOne<Intent>().WithMany().HasForeignKey(x => x.IntentId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => new { x.Locale, x.Id });
    }
}
