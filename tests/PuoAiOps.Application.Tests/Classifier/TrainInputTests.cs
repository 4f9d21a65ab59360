using PuoAiOps.Application.Classification;
using PuoAiOps.Application.Classification.Registry;
using PuoAiOps.Application.Common;

namespace PuoAiOps.Application.Tests.Classifier;

/// <summary>The train form's rules (formerly checked by the form post): empty means the default, out of range is refused by field.</summary>
public sealed class TrainInputTests
{
    [Fact]
    public void ToRequest_WithEmptyFields_TakesTheDefaults()
    {
        var options = new ClassifierOptions { TestShare = 0.25 };
        var request = new TrainInput(Name: "  nightly ", Note: " ").ToRequest(options);
        Assert.Equal("nightly", request.Name);
        Assert.Null(request.Note);
        Assert.Equal(0.25, request.Split!.TestShare);
        Assert.Equal(1, request.Split.TrainingShare);
        Assert.Equal(new PuoAiOps.Core.Classification.TrainerOptions().C, request.Trainer!.C);
    }

    [Fact]
    public void ToRequest_TakesTheGivenNumbers()
    {
        var request = new TrainInput(C: 0.7, OutOfScopeRecall: 0.8, TestShare: 0.3, TrainingShare: 0.5).ToRequest(new ClassifierOptions());
        Assert.Equal(0.7f, request.Trainer!.C);
        Assert.Equal(0.8f, request.Trainer.TargetOutOfScopeRecall);
        Assert.Equal(0.3, request.Split!.TestShare);
        Assert.Equal(0.5, request.Split.TrainingShare);
    }

    [Theory]
    [InlineData(TrainInput.CField, 0.001)]
    [InlineData(TrainInput.CField, 101)]
    [InlineData(TrainInput.RecallField, 1.5)]
    [InlineData(TrainInput.TestShareField, 0.6)]
    [InlineData(TrainInput.TrainingShareField, 0.01)]
    [InlineData(TrainInput.CField, double.NaN)]
    public void OutOfRange_IsRefusedAtItsField_AndNothingIsQueued(string field, double value)
    {
        var input = field switch
        {
            TrainInput.CField => new TrainInput(C: value),
            TrainInput.RecallField => new TrainInput(OutOfScopeRecall: value),
            TrainInput.TestShareField => new TrainInput(TestShare: value),
            _ => new TrainInput(TrainingShare: value),
        };
        Assert.Equal(TrainInputError.OutOfRange, Assert.Single(input.Check()).Value);
        var error = Assert.Throws<ValidationException>(() => input.ToRequest(new ClassifierOptions()));
        Assert.True(error.Errors.ContainsKey(field));
    }

    [Fact]
    public void LongNameOrNote_IsRefused()
    {
        var errors = new TrainInput(Name: new string('n', TrainInput.MaxTextLength + 1), Note: new string('x', TrainInput.MaxTextLength + 1)).Check();
        Assert.Equal(TrainInputError.NameTooLong, errors[TrainInput.NameField]);
        Assert.Equal(TrainInputError.NoteTooLong, errors[TrainInput.NoteField]);
    }
}
