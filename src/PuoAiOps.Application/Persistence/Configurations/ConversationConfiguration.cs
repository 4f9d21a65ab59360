using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PuoAiOps.Application.Persistence.Entities;

namespace PuoAiOps.Application.Persistence.Configurations;

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> b)
    {
        b.HasIndex(x => x.StartedAt);
        b.HasIndex(x => new { x.UserRef, x.StartedAt });
        b.HasIndex(x => new { x.IntentId, x.StartedAt });
        // Covers the reuse and recontact windows (who came back, about what) without touching the rows.
        b.HasIndex(x => new { x.StartedAt, x.UserRef, x.IntentId, x.IsTest, x.Channel });
        // The rollup job finds the conversations ended since its last run.
        b.HasIndex(x => x.EndedAt);
        b.HasMany(x => x.Turns).WithOne().HasForeignKey(x => x.ConversationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Intent>().WithMany().HasForeignKey(x => x.IntentId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class TurnConfiguration : IEntityTypeConfiguration<Turn>
{
    public void Configure(EntityTypeBuilder<Turn> b) => b.HasIndex(x => new { x.ConversationId, x.Ordinal }).IsUnique();
}

internal sealed class FeedbackConfiguration : IEntityTypeConfiguration<Feedback>
{
    public void Configure(EntityTypeBuilder<Feedback> b)
    {
        b.HasIndex(x => x.ConversationId);
        b.HasOne<Conversation>().WithMany().HasForeignKey(x => x.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AnswerGradeConfiguration : IEntityTypeConfiguration<AnswerGrade>
{
    public void Configure(EntityTypeBuilder<AnswerGrade> b)
    {
        b.HasIndex(x => new { x.TurnId, x.Grader });
        b.HasOne<Conversation>().WithMany().HasForeignKey(x => x.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EscalationConfiguration : IEntityTypeConfiguration<Escalation>
{
    public void Configure(EntityTypeBuilder<Escalation> b)
    {
        b.HasIndex(x => new { x.Status, x.CreatedAt });
        // "Mine" and "assigned to ..." views of the queue.
        b.HasIndex(x => new { x.AssigneeId, x.Status });
        b.Property(x => x.ResolutionNote).HasMaxLength(Escalations.EscalationLimits.NoteLength);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Conversation>().WithMany().HasForeignKey(x => x.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TurnTraceConfiguration : IEntityTypeConfiguration<TurnTrace>
{
    public void Configure(EntityTypeBuilder<TurnTrace> b)
    {
        b.HasKey(x => x.TurnId);
        b.Property(x => x.TurnId).ValueGeneratedNever();
        b.HasIndex(x => x.ConversationId);
        b.HasOne<Turn>().WithOne().HasForeignKey<TurnTrace>(x => x.TurnId).OnDelete(DeleteBehavior.Cascade);
    }
}
