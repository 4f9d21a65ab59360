using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Persistence.Configurations;

internal sealed class IntentDomainConfiguration : IEntityTypeConfiguration<IntentDomain>
{
    public void Configure(EntityTypeBuilder<IntentDomain> b)
    {
        b.Property(x => x.Key).HasMaxLength(64);
        b.HasIndex(x => x.Key).IsUnique();
        b.HasMany(x => x.Intents).WithOne(x => x.Domain).HasForeignKey(x => x.DomainId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IntentConfiguration : IEntityTypeConfiguration<Intent>
{
    public void Configure(EntityTypeBuilder<Intent> b)
    {
        b.Property(x => x.Key).HasMaxLength(96);
        b.HasIndex(x => x.Key).IsUnique();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Intent>().WithMany().HasForeignKey(x => x.ReplacedById).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class TaxonomyChangeConfiguration : IEntityTypeConfiguration<TaxonomyChange>
{
    public void Configure(EntityTypeBuilder<TaxonomyChange> b) => b.HasIndex(x => x.Status);
}

internal sealed class TaxonomyVersionConfiguration : IEntityTypeConfiguration<TaxonomyVersion>
{
    public void Configure(EntityTypeBuilder<TaxonomyVersion> b) => b.HasIndex(x => x.Number).IsUnique();
}
