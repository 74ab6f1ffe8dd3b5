namespace ActorExec.Cli;

/// <summary>The process exit codes; scripts branch on them, so they never change meaning.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A failure the CLI did not foresee (a bug); the message still fits on one line.</summary>
    public const int Unexpected = 1;

    public const int Usage = 2;
    public const int Unreachable = 3;
    public const int Unauthorized = 4;

    /// <summary>404: no such market, order, venue, or no up cluster member by that id (<c>NODE_NOT_FOUND</c>).</summary>
    public const int NotFound = 5;

    /// <summary>Any other 4xx/5xx, including 409 <c>NOT_CLUSTERED</c> from a node that runs alone.</summary>
    public const int NodeError = 6;

    public const int MalformedAnswer = 7;

    /// <summary>Interrupted by Ctrl+C (128 + SIGINT, the shell convention).</summary>
    public const int Interrupted = 130;

    /// <summary>The table printed at the end of <c>actorexec --help</c>.</summary>
    public const string Help =
        """
        Exit codes:
          0    success
          1    unexpected failure (a bug in actorexec; please report it)
          2    bad usage: unknown command or option, invalid value, invalid --node
          3    the node cannot be reached or did not answer within --timeout
          4    the node refused the token (401/403)
          5    not found (404): no such market, order, venue, up cluster member...
          6    the node answered another error (4xx/5xx), e.g. 409: the node runs alone, not in a cluster
          7    the node's answer is not the JSON document expected
          130  interrupted (Ctrl+C)
        """;
}
