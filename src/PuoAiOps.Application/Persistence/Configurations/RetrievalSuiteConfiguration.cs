using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Persistence.Configurations;

internal sealed class RetrievalSuiteConfiguration : IEntityTypeConfiguration<RetrievalSuite>
{
    public void Configure(EntityTypeBuilder<RetrievalSuite> b)
    {
        b.Property(x => x.Name).HasMaxLength(128);
        b.HasIndex(x => x.Name).IsUnique();
        b.HasMany(x => x.Queries).WithOne().HasForeignKey(x => x.SuiteId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RetrievalTestQueryConfiguration : IEntityTypeConfiguration<RetrievalTestQuery>
{
    public void Configure(EntityTypeBuilder<RetrievalTestQuery> b)
    {
        b.Property(x => x.Locale).HasMaxLength(16);
        b.Property(x => x.Domain).HasMaxLength(64);
        b.Property(x => x.Intent).HasMaxLength(128);
    }
}

internal sealed class RetrievalSuiteRunConfiguration : IEntityTypeConfiguration<RetrievalSuiteRun>
{
    public void Configure(EntityTypeBuilder<RetrievalSuiteRun> b)
    {
        b.Property(x => x.Mode).HasMaxLength(16);
        b.HasIndex(x => new { x.SuiteId, x.RanAt });
        b.HasOne<RetrievalSuite>().WithMany().HasForeignKey(x => x.SuiteId).OnDelete(DeleteBehavior.Cascade);
    }
}
