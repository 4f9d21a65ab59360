using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using PuoAiOps.Benchmarks;

// Scenarios (whole-system measurements) by name; everything else goes to BenchmarkDotNet, e.g.
//   dotnet run -c Release --project benchmarks/PuoAiOps.Benchmarks -- import --rows 1000000
//   dotnet run -c Release --project benchmarks/PuoAiOps.Benchmarks -- --filter '*Redaction*'
if (args.Length > 0 && args[0] == "import") return await ImportScenario.RunAsync(args[1..]);

// In-process: BenchmarkDotNet 0.14 cannot build a separate benchmark project against the .NET 10 SDK here.
var config = DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance));
BenchmarkSwitcher.FromAssembly(typeof(ImportScenario).Assembly).Run(args, config);
return 0;
