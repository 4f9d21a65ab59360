using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Persistence.Configurations;

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> b)
    {
        b.Property(x => x.TextHash).HasMaxLength(64);
        // The unique hash is what makes re-importing the same file a no-op.
        b.HasIndex(x => x.TextHash).IsUnique();
        b.HasIndex(x => x.CreatedAt);
        b.HasIndex(x => x.FinalIntentId);
        b.HasIndex(x => x.PredictedConfidence);
        // The labeling page looks up the same user's questions around the one being labeled.
        b.HasIndex(x => new { x.UserRef, x.CreatedAt });
        // The question list's search also matches the external id exactly (OR-ed with the text search).
        // The text search's own index (FTS5 / pg_trgm) is outside the EF model: see migration 0004.
        b.HasIndex(x => x.ExternalId);
        b.HasOne<Intent>().WithMany().HasForeignKey(x => x.FinalIntentId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Intent>().WithMany().HasForeignKey(x => x.PredictedIntentId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<ImportRun>().WithMany().HasForeignKey(x => x.ImportRunId).OnDelete(DeleteBehavior.SetNull);
    }
}
