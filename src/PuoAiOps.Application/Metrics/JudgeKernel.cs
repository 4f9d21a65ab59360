using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using PuoAiOps.Application.Ai;

namespace PuoAiOps.Application.Metrics;

/// <summary>The pieces of the judge's kernel: the process's one chat client as its chat service, and the reply as text.</summary>
internal static class JudgeKernel
{
    public static IServiceProvider Services(AiChatClientProvider ai)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IChatClient>(_ => ai.Client);
        return services.BuildServiceProvider();
    }

    public static string? Text(FunctionResult result)
    {
        var value = result.GetValue<object>();
        if (value is ChatResponse response) return response.Text;
        if (value is ChatMessageContent content) return content.Content;
        return value as string ?? result.ToString();
    }
}
