using ActorExec.Node.Hosting;

return await NodeCommandLine.Create(NodeHost.RunAsync).Parse(args).InvokeAsync(NodeCommandLine.Invocation);
