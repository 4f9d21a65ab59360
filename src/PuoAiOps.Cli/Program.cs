using PuoAiOps.Cli;

return await PuoCli.RunAsync(args, Console.Out, Console.Error, Console.In);
