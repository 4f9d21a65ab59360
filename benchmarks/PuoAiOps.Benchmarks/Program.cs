using BenchmarkDotNet.Running;
using PuoAiOps.Benchmarks;

// Named end-to-end scenarios run directly; everything else goes to BenchmarkDotNet's switcher.
if (args is ["annotate", .. var rest]) return await AnnotateScenario.RunAsync(rest);

BenchmarkSwitcher.FromAssembly(typeof(AnnotateScenario).Assembly).Run(args);
return 0;
