using ActorExec.Node.Exchange;
using ActorExec.Node.Hosting;

return await NodeCommandLine.Create(NodeHost.RunAsync, PaperExchangeHost.RunAsync).Parse(args).InvokeAsync(NodeCommandLine.Invocation);
