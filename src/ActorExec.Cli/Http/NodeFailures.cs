using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ActorExec.Inspection;

namespace ActorExec.Cli.Http;

/// <summary>Turns what can go wrong talking to the node into one-line <see cref="CliException"/>s with their exit codes.</summary>
internal static class NodeFailures
{
    public static CliException Unreachable(NodeAddress node, HttpRequestException error) =>
        new(ExitCodes.Unreachable,
            $"cannot reach the ActorExec node at {node} ({Describe(error)}); is it running? (--node host:port)");

    public static CliException TimedOut(NodeAddress node, string request, TimeSpan timeout) =>
        new(ExitCodes.Unreachable,
            $"the ActorExec node at {node} did not answer {request} within {timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s (--timeout seconds)");

    /// <summary>The error for a non-success status; <paramref name="body"/> is read for the node's <see cref="ApiError"/>.</summary>
    public static CliException FromStatus(HttpStatusCode status, string? reasonPhrase, string body, string request, bool tokenSent)
    {
        var apiError = ReadApiError(body);
        var nodeSays = apiError?.Error is { Length: > 0 } text ? text : null;
        var code = $"{(int)status} {(string.IsNullOrEmpty(reasonPhrase) ? status.ToString() : reasonPhrase)}";
        if (apiError?.Code == ApiErrorCodes.NotClustered)
        {
            // Not a failure of the node but a question it cannot answer: its own words say what to do.
            return new(ExitCodes.NodeError, nodeSays ?? $"the node is not in a cluster ({code} {ApiErrorCodes.NotClustered} to {request})");
        }
        switch (status)
        {
            case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                var which = tokenSent ? "the token" : "the token (none was sent)";
                var reason = nodeSays is null ? code : $"{code}: {nodeSays}";
                return new(ExitCodes.Unauthorized, $"the node refused {which} for {request} ({reason}) (set --token or ACTOREXEC_TOKEN)");
            case HttpStatusCode.NotFound:
                return new(ExitCodes.NotFound, nodeSays ?? $"{request}: not found (404); is the node's inspection API the same version as actorexec?");
            default:
                return new(ExitCodes.NodeError, nodeSays is null
                    ? $"the node answered {code} to {request}"
                    : $"the node answered {code} to {request}: {nodeSays}");
        }
    }

    public static CliException Malformed(string request, string problem) =>
        new(ExitCodes.MalformedAnswer, $"malformed answer from the node to {request}: {problem}");

    private static ApiError? ReadApiError(string body)
    {
        try
        {
            return JsonSerializer.Deserialize<ApiError>(body, InspectionJson.Options);
        }
        catch (JsonException)
        {
            // Not an ApiError (a proxy's HTML page, say): the status alone has to do.
            return null;
        }
    }

    private static string Describe(HttpRequestException error)
    {
        if (error.InnerException is SocketException socket)
        {
            return socket.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => "connection refused",
                SocketError.HostNotFound or SocketError.NoData => "host not found",
                SocketError.TimedOut => "connection timed out",
                SocketError.NetworkUnreachable or SocketError.HostUnreachable => "no route to host",
                _ => socket.Message,
            };
        }
        return error.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => "host not found",
            HttpRequestError.ConnectionError => "connection failed",
            HttpRequestError.ResponseEnded => "the connection closed before the answer ended",
            _ => error.Message,
        };
    }
}
