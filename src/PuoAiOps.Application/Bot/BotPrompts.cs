using System.Security.Cryptography;
using PuoAiOps.Application.Ai.Kernel;
using PuoAiOps.Application.Ai.Prompts;

namespace PuoAiOps.Application.Bot;

/// <summary>
/// The bot's prompt functions, loaded once, and the canary: a random token placed in the system
/// prompt of this process and searched for in every answer, so a leaked system prompt is caught.
/// </summary>
public sealed class BotPrompts(PromptLibrary library)
{
    private readonly Lazy<KernelPrompt> _answer = new(() => KernelPromptLoader.Load(library, PromptLibrary.Answer));

    public KernelPrompt Answer => _answer.Value;

    public string Canary { get; } = "PUO-CANARY-" + new string(RandomNumberGenerator.GetItems<char>("ABCDEFGHJKLMNPQRSTUVWXYZ", 16));
}
