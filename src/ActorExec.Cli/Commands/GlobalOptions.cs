using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using ActorExec.Cli.Http;

namespace ActorExec.Cli.Commands;

/// <summary>The options every command takes: which node, the token, JSON output, the timeout.</summary>
internal sealed class GlobalOptions
{
    private const double DefaultTimeoutSeconds = 10;
    private const double MaxTimeoutSeconds = 24 * 60 * 60;

    private readonly CliEnvironment environment;

    public GlobalOptions(CliEnvironment environment)
    {
        this.environment = environment;
        Node = new Option<string>("--node")
        {
            Description = $"The node's inspection endpoint, host:port ({CliEnvironment.NodeVariable} overrides the default)",
            HelpName = "host:port",
            DefaultValueFactory = _ => NonEmpty(environment.Variable(CliEnvironment.NodeVariable)) ?? NodeAddress.Default.ToString(),
            Recursive = true,
        };
        // No DefaultValueFactory: help prints defaults, and a token must never be printed.
        Token = new Option<string?>("--token")
        {
            Description = $"Bearer token for the node (default: ${CliEnvironment.TokenVariable})",
            HelpName = "token",
            Recursive = true,
        };
        Json = new Option<bool>("--json")
        {
            Description = "Print the node's JSON document (indented) instead of tables, for scripts",
            Recursive = true,
        };
        Timeout = new Option<double>("--timeout")
        {
            Description = "Seconds to wait for the node's answer",
            HelpName = "seconds",
            DefaultValueFactory = _ => DefaultTimeoutSeconds,
            CustomParser = ParseTimeout,
            Recursive = true,
        };
    }

    public Option<string> Node { get; }

    public Option<string?> Token { get; }

    public Option<bool> Json { get; }

    public Option<double> Timeout { get; }

    public IEnumerable<Option> All => [Node, Token, Json, Timeout];

    /// <summary>A client for the node these options name.</summary>
    /// <exception cref="CliException">--node (or ACTOREXEC_NODE) is not host:port (exit code 2).</exception>
    public InspectionClient Connect(ParseResult result)
    {
        var givenOnCommandLine = result.GetResult(Node) is { Implicit: false };
        var source = givenOnCommandLine || NonEmpty(environment.Variable(CliEnvironment.NodeVariable)) is null
            ? "--node"
            : CliEnvironment.NodeVariable;
        var node = NodeAddress.Parse(result.GetValue(Node) ?? NodeAddress.Default.ToString(), source);
        var token = NonEmpty(result.GetValue(Token)) ?? NonEmpty(environment.Variable(CliEnvironment.TokenVariable));
        return new InspectionClient(node, token, TimeSpan.FromSeconds(result.GetValue(Timeout)));
    }

    public bool WantsJson(ParseResult result) => result.GetValue(Json);

    // A parser rather than a validator: System.CommandLine runs validators even on a value it could
    // not convert, and reading that value then throws instead of reporting.
    private static double ParseTimeout(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)
            && seconds is > 0 and <= MaxTimeoutSeconds)
        {
            return seconds;
        }
        result.AddError($"--timeout must be a number of seconds above 0 and at most {MaxTimeoutSeconds.ToString(CultureInfo.InvariantCulture)}, not '{text}'");
        return DefaultTimeoutSeconds;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
