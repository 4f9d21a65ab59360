using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Persistence.Configurations;

internal sealed class MetricRollupConfiguration : IEntityTypeConfiguration<MetricRollup>
{
    public void Configure(EntityTypeBuilder<MetricRollup> b)
    {
        b.Property(x => x.Locale).HasMaxLength(16);
        b.Property(x => x.Channel).HasMaxLength(32);
        b.Property(x => x.AnswerSource).HasMaxLength(32);
        b.MapCounts(x => x.Counts);
        b.HasIndex(x => new { x.Day, x.IntentId });
    }
}

internal sealed class MetricUserDayConfiguration : IEntityTypeConfiguration<MetricUserDay>
{
    public void Configure(EntityTypeBuilder<MetricUserDay> b)
    {
        b.Property(x => x.Locale).HasMaxLength(16);
        b.Property(x => x.Channel).HasMaxLength(32);
        // Covers the unfiltered reuse count (a day range, grouped by user) without touching the table.
        b.HasIndex(x => new { x.Day, x.UserRef, x.Returned });
        // The rollup job's incremental update reads and replaces the rows of the users whose conversations changed.
        b.HasIndex(x => new { x.UserRef, x.Day });
    }
}

internal sealed class MetricReuseCountConfiguration : IEntityTypeConfiguration<MetricReuseCount>
{
    public void Configure(EntityTypeBuilder<MetricReuseCount> b)
    {
        b.Property(x => x.Locale).HasMaxLength(16);
        b.Property(x => x.Channel).HasMaxLength(32);
        // The overview reads one cell's days.
        b.HasIndex(x => new { x.Locale, x.Channel, x.Day });
    }
}

internal sealed class MetricIntentDayConfiguration : IEntityTypeConfiguration<MetricIntentDay>
{
    public void Configure(EntityTypeBuilder<MetricIntentDay> b)
    {
        b.Property(x => x.Locale).HasMaxLength(16);
        b.Property(x => x.Channel).HasMaxLength(32);
        b.MapCounts(x => x.Counts);
        // The overview reads one locale/channel cell's days.
        b.HasIndex(x => new { x.Locale, x.Channel, x.Day });
    }
}

internal sealed class MetricReportConfiguration : IEntityTypeConfiguration<MetricReport>
{
    public void Configure(EntityTypeBuilder<MetricReport> b)
    {
        b.Property(x => x.Period).HasMaxLength(16);
        b.Property(x => x.DefinitionsVersion).HasMaxLength(32);
        b.Property(x => x.TimeZone).HasMaxLength(64);
        b.Property(x => x.GeneratedBy).HasMaxLength(64);
        // One report per kind and period; generating again replaces it.
        b.HasIndex(x => new { x.Kind, x.Period }).IsUnique();
    }
}

internal sealed class GradingAssignmentConfiguration : IEntityTypeConfiguration<GradingAssignment>
{
    public void Configure(EntityTypeBuilder<GradingAssignment> b)
    {
        b.Property(x => x.Period).HasMaxLength(16);
        b.Property(x => x.Stratum).HasMaxLength(200);
        b.HasIndex(x => new { x.TurnId, x.Slot }).IsUnique();
        b.HasIndex(x => new { x.Period, x.GradeId });
        b.HasOne<Conversation>().WithMany().HasForeignKey(x => x.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}
