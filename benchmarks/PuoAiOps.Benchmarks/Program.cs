using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using PuoAiOps.Benchmarks;

// Named end-to-end scenarios run directly; everything else goes to BenchmarkDotNet's switcher, e.g.
//   dotnet run -c Release --project benchmarks/PuoAiOps.Benchmarks -- annotate-page --submits 220
//   dotnet run -c Release --project benchmarks/PuoAiOps.Benchmarks -- import --rows 1000000
//   dotnet run -c Release --project benchmarks/PuoAiOps.Benchmarks -- kb --chunks 100000
//   dotnet run -c Release --project benchmarks/PuoAiOps.Benchmarks -- metrics --conversations 1000000
//   dotnet run -c Release --project benchmarks/PuoAiOps.Benchmarks -- search --questions 3000
//   dotnet run -c Release --project benchmarks/PuoAiOps.Benchmarks -- bot --answers 600 [--chunks 50000]
//   dotnet run -c Release --project benchmarks/PuoAiOps.Benchmarks -- chat-load --seconds 20 --connections 16
//   dotnet run -c Release --project benchmarks/PuoAiOps.Benchmarks -- --filter '*Redaction*'
if (args is ["annotate", .. var annotate]) return await AnnotateScenario.RunAsync(annotate);
if (args is ["annotate-page", .. var annotatePage]) return await AnnotatePageScenario.RunAsync(annotatePage);
if (args is ["import", .. var import]) return await ImportScenario.RunAsync(import);
if (args is ["yaml-bomb", .. var bomb]) return YamlBombScenario.Run(bomb);
if (args is ["kb", .. var kb]) return await KnowledgeScenario.RunAsync(kb);
if (args is ["metrics", .. var metrics]) return await PuoAiOps.Benchmarks.Metrics.MetricsScenario.RunAsync(metrics);
if (args is ["search", .. var search]) return await SearchScenario.RunAsync(search);
if (args is ["bot", .. var bot]) return await BotScenario.RunAsync(bot);
if (args is ["chat-load", .. var chatLoad]) return await ChatLoadScenario.RunAsync(chatLoad);

// In process: BenchmarkDotNet 0.14 cannot build its separate benchmark project against the .NET 10 SDK here.
var config = DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance));
BenchmarkSwitcher.FromAssembly(typeof(AnnotateScenario).Assembly).Run(args, config);
return 0;
