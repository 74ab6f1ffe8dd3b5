return await ActorExec.Cli.CliApp.RunAsync(args, Console.Out, Console.Error, ActorExec.Cli.CliEnvironment.FromProcess());
