using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PuoAiOps.Application.Ai;
using PuoAiOps.Application.Ai.Prompts;
using PuoAiOps.Application.Classification.Data;
using PuoAiOps.Application.Classification.Llm;
using PuoAiOps.Application.Common;
using PuoAiOps.Application.Persistence;
using PuoAiOps.Application.Persistence.Entities;
using PuoAiOps.Application.Questions;
using PuoAiOps.Core.Classification;
using PuoAiOps.Core.Messages;
using PuoAiOps.Core.Text.Redaction;

namespace PuoAiOps.Application.Classification.Models;

/// <summary>Builds the classifier of a stored version: loads an offline model's weights, or sets up the LLM prompt.</summary>
public sealed class ClassifierFactory(PuoDbContext db, AiChatClientProvider ai, PromptLibrary prompts, ILoggerFactory loggers)
{
    public async Task<IIntentClassifier> ForVersionAsync(long id, CancellationToken ct = default)
    {
        var version = await db.ModelVersions.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct)
            ?? throw new NotFoundException(CodedMessage.Of(ClassificationRefusal.VersionMissing, id));
        if (version.Kind == ModelKind.Offline)
        {
            if (version.Blob is null) throw new InvalidOperationException($"Model version {id} has no stored model.");
            var model = IntentModel.FromBytes(version.Blob);
            // The workspace trains n-gram models only; an encoder model cannot run here.
            if (model.NeedsEncoder)
                throw new InvalidOperationException($"Model version {id} needs the '{model.Info.Encoder}' sentence encoder, which the console does not load.");
            return new OfflineIntentClassifier(id, model);
        }
        var intents = await new TrainingDataLoader(db).IntentsAsync(activeOnly: true, ct);
        return await CreateLlmAsync(id, intents, ct);
    }

    /// <summary>An LLM classifier over <paramref name="intents"/>; throws <see cref="AiUnavailableException"/> when none is configured.</summary>
    public async Task<LlmIntentClassifier> CreateLlmAsync(long versionId, IReadOnlyList<IntentInfo> intents, CancellationToken ct = default)
    {
        var chat = ai.Client;
        var patterns = await new PiiPatternStore(db).GetAsync(ct);
        var redactor = patterns.Count == 0 ? PiiRedactor.Default : new PiiRedactor(patterns);
        return new LlmIntentClassifier(versionId, chat, prompts.Get(PromptLibrary.Classify), intents, redactor,
            ai.Options.MaxConcurrency, loggers.CreateLogger<LlmIntentClassifier>());
    }
}
