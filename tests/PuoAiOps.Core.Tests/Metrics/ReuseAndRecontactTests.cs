using PuoAiOps.Core.Metrics;
using static PuoAiOps.Core.Tests.Metrics.Facts;

namespace PuoAiOps.Core.Tests.Metrics;

public sealed class ReuseAndRecontactTests
{
    private static readonly DateTime From = Day;
    private static readonly DateTime To = Day.AddDays(7);
    private static readonly DateTime Now = Day.AddDays(30);

    private static Visit V(long id, string user, double hours, int? intent) => new(id, user, From.AddHours(hours), intent);

    [Fact]
    public void Reuse_SameIntentRecontactWithin24h_IsNotAReturn()
    {
        var result = ReuseCalculator.Compute([V(1, "a", 10, 5), V(2, "a", 30, 5)], From, To, 7, Now);
        Assert.Equal(Ratio.Of(0, 1), result.Users);
    }

    [Fact]
    public void Reuse_NewQuestionWithinWindow_IsAReturn_EvenOnTheSameDay()
    {
        var result = ReuseCalculator.Compute([V(1, "a", 10, 5), V(2, "a", 12, 6), V(3, "b", 10, 5)], From, To, 7, Now);
        Assert.Equal(Ratio.Of(1, 2), result.Users);
        Assert.True(result.Complete);
    }

    [Fact]
    public void Reuse_ReturnAfterThePeriodButWithinNDays_Counts_AndAfterNDaysDoesNot()
    {
        var result = ReuseCalculator.Compute(
            [V(1, "a", 160, 5), V(2, "a", 160 + 6 * 24, 9), V(3, "b", 10, 5), V(4, "b", 10 + 8 * 24, 9)], From, To, 7, Now);
        Assert.Equal(Ratio.Of(1, 2), result.Users);
    }

    [Fact]
    public void Reuse_UsersOnlyAfterThePeriod_AreNotInTheDenominator()
    {
        var result = ReuseCalculator.Compute([V(1, "a", 10, 5), V(2, "late", 200, 5), V(3, "late", 220, 6)], From, To, 7, Now);
        Assert.Equal(1, result.Users.Denominator);
    }

    [Fact]
    public void Reuse_WindowNotOverYet_IsMarkedIncomplete() =>
        Assert.False(ReuseCalculator.Compute([V(1, "a", 10, 5)], From, To, 7, To.AddDays(2)).Complete);

    [Fact]
    public void Recontact_SameUserOtherIntent_IsNotARecontact() =>
        Assert.Empty(RecontactFinder.Recontacted([V(1, "a", 10, 5), V(2, "a", 11, 6), V(3, "b", 12, 5)]));

    [Fact]
    public void Recontact_NoIntent_IsNeverARecontact() =>
        Assert.Empty(RecontactFinder.Recontacted([V(1, "a", 10, null), V(2, "a", 11, null)]));

    [Fact]
    public void Reuse_Cohort_QualifiesUsersByTheirPeriodConversation_ButAnyNewQuestionReturns()
    {
        // Filtered to the conversations 1 and 3 (say, locale zh-CN): user a came back in another locale, b is out of the cohort.
        var visits = new[] { V(1, "a", 10, 5), V(2, "a", 40, 6), V(3, "c", 10, 5), V(4, "b", 10, 5), V(5, "b", 40, 6) };
        var result = ReuseCalculator.Compute(visits, From, To, 7, Now, new HashSet<long> { 1, 3 });
        Assert.Equal(Ratio.Of(1, 2), result.Users);
    }
}
