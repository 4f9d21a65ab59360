using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Persistence.Configurations;

internal sealed class AnnotationBatchConfiguration : IEntityTypeConfiguration<AnnotationBatch>
{
    public void Configure(EntityTypeBuilder<AnnotationBatch> b)
    {
        b.HasMany(x => x.Items).WithOne(x => x.Batch).HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Annotators).WithOne().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BatchAnnotatorConfiguration : IEntityTypeConfiguration<BatchAnnotator>
{
    public void Configure(EntityTypeBuilder<BatchAnnotator> b)
    {
        b.HasKey(x => new { x.BatchId, x.UserId });
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AnnotationItemConfiguration : IEntityTypeConfiguration<AnnotationItem>
{
    public void Configure(EntityTypeBuilder<AnnotationItem> b)
    {
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.BatchId, x.QuestionId }).IsUnique();
        b.HasIndex(x => new { x.BatchId, x.Status, x.Priority });
        b.HasOne(x => x.Question).WithMany().HasForeignKey(x => x.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AnnotationLeaseConfiguration : IEntityTypeConfiguration<AnnotationLease>
{
    public void Configure(EntityTypeBuilder<AnnotationLease> b)
    {
        b.HasKey(x => new { x.ItemId, x.UserId });
        b.HasIndex(x => x.ExpiresAt);
        // "Which item does this annotator hold?" is asked on every queue call.
        b.HasIndex(x => new { x.UserId, x.ExpiresAt });
        b.HasOne<AnnotationItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AnnotationLabelConfiguration : IEntityTypeConfiguration<AnnotationLabel>
{
    public void Configure(EntityTypeBuilder<AnnotationLabel> b)
    {
        // One label per annotator per item: the database, not the code, guarantees it under concurrency.
        b.HasIndex(x => new { x.ItemId, x.UserId }).IsUnique();
        b.HasIndex(x => new { x.UserId, x.CreatedAt });
        b.HasOne<AnnotationItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Intent>().WithMany().HasForeignKey(x => x.IntentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AnnotationSkipConfiguration : IEntityTypeConfiguration<AnnotationSkip>
{
    public void Configure(EntityTypeBuilder<AnnotationSkip> b)
    {
        b.HasIndex(x => new { x.ItemId, x.UserId });
        b.HasOne<AnnotationItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AdjudicationConfiguration : IEntityTypeConfiguration<Adjudication>
{
    public void Configure(EntityTypeBuilder<Adjudication> b)
    {
        b.HasIndex(x => x.ItemId).IsUnique();
        b.HasOne<AnnotationItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}
