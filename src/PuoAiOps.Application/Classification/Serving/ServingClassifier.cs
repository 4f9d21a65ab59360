using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PuoAiOps.Application.Classification.Models;
using PuoAiOps.Application.Persistence;

namespace PuoAiOps.Application.Classification.Serving;

/// <summary>
/// The classifier that answers for the bot: the serving version, loaded once per instance and kept.
/// Which version serves is re-read from the database at most every
/// <see cref="ClassifierOptions.ServingRefreshSeconds"/> (one indexed query), so a promotion on any
/// instance reaches every instance within that time — and this instance at once (<see cref="Invalidate"/>).
/// </summary>
public sealed class ServingClassifier(IServiceScopeFactory scopes, IOptions<ClassifierOptions> options, TimeProvider clock, ILogger<ServingClassifier> logger) : IDisposable
{
    private readonly SemaphoreSlim _reload = new(1, 1);
    private State? _state;

    /// <summary>Version id of the loaded classifier (null: nothing serves, or not loaded yet).</summary>
    public long? LoadedVersionId => Volatile.Read(ref _state)?.VersionId;

    /// <summary>Why the serving version could not be loaded last time, if it could not.</summary>
    public string? LastError { get; private set; }

    /// <summary>The serving classifier, or null when no version serves.</summary>
    public async Task<IIntentClassifier?> GetAsync(CancellationToken ct = default)
    {
        var state = Volatile.Read(ref _state);
        if (IsFresh(state)) return state!.Classifier;
        await _reload.WaitAsync(ct);
        try
        {
            state = Volatile.Read(ref _state);
            if (IsFresh(state)) return state!.Classifier;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PuoDbContext>();
            var servingId = await db.ModelVersions.AsNoTracking().Where(m => m.IsServing)
                .OrderByDescending(m => m.PromotedAt).Select(m => (long?)m.Id).FirstOrDefaultAsync(ct);
            if (state is not null && state.VersionId == servingId)
            {
                Volatile.Write(ref _state, state with { CheckedAt = clock.GetTimestamp() });
                return state.Classifier;
            }
            return await LoadAsync(scope.ServiceProvider, servingId, state, ct);
        }
        finally
        {
            _reload.Release();
        }
    }

    /// <summary>Classifies one question with the serving version; null when no version serves.</summary>
    public async Task<ServingPrediction?> ClassifyAsync(string text, CancellationToken ct = default)
    {
        var classifier = await GetAsync(ct);
        if (classifier is null) return null;
        var output = (await classifier.ClassifyAsync([text], null, ct))[0];
        return new ServingPrediction(classifier.VersionId, output.Label, output.Confidence, output.Label == Data.TrainingDataLoader.OutOfScopeLabel, output.Failed);
    }

    /// <summary>Forces the next call to re-read which version serves (called after a promotion here).</summary>
    public void Invalidate()
    {
        var state = Volatile.Read(ref _state);
        if (state is not null) Volatile.Write(ref _state, state with { CheckedAt = long.MinValue });
    }

    private async Task<IIntentClassifier?> LoadAsync(IServiceProvider services, long? servingId, State? previous, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        IIntentClassifier? classifier = null;
        if (servingId is { } id)
        {
            try
            {
                classifier = await services.GetRequiredService<ClassifierFactory>().ForVersionAsync(id, ct);
                LastError = null;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Keep answering with what we had; try again at the next refresh.
                ClassificationLog.ServingLoadFailed(logger, id, ex);
                LastError = ex.Message;
                if (previous is not null) Volatile.Write(ref _state, previous with { CheckedAt = clock.GetTimestamp() });
                return previous?.Classifier;
            }
        }
        Volatile.Write(ref _state, new State(servingId, classifier, clock.GetTimestamp()));
        ClassificationLog.ServingLoaded(logger, servingId, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return classifier;
    }

    private bool IsFresh(State? state) =>
        state is not null && state.CheckedAt != long.MinValue &&
        clock.GetElapsedTime(state.CheckedAt) < TimeSpan.FromSeconds(options.Value.ServingRefreshSeconds);

    public void Dispose() => _reload.Dispose();

    private sealed record State(long? VersionId, IIntentClassifier? Classifier, long CheckedAt);
}

/// <summary>The serving version's answer for one question.</summary>
public sealed record ServingPrediction(long VersionId, string Label, float Confidence, bool IsOutOfScope, bool Failed);
