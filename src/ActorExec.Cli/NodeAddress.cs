using System.Globalization;
using ActorExec.Inspection;

namespace ActorExec.Cli;

/// <summary>Where the node's inspection endpoint listens: <c>host:port</c>, <c>[ipv6]:port</c>.</summary>
internal sealed record NodeAddress(string Host, int Port)
{
    public static NodeAddress Default { get; } = new("127.0.0.1", InspectionRoutes.DefaultPort);

    public Uri BaseUri => new($"http://{Host}:{Port.ToString(CultureInfo.InvariantCulture)}/");

    public override string ToString() => $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Parses <paramref name="value"/>; <paramref name="source"/> names where it came from, for the error.</summary>
    /// <exception cref="CliException">The value is not <c>host:port</c> (exit code 2).</exception>
    public static NodeAddress Parse(string value, string source)
    {
        var separator = value.LastIndexOf(':');
        if (separator > 0
            && int.TryParse(value.AsSpan(separator + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            && port is > 0 and <= 65535
            && IsHost(value[..separator]))
        {
            return new NodeAddress(value[..separator], port);
        }
        throw new CliException(ExitCodes.Usage,
            $"invalid {source} value '{value}': expected host:port, e.g. 127.0.0.1:{InspectionRoutes.DefaultPort}");
    }

    private static bool IsHost(string host)
    {
        // A bare IPv6 address needs brackets, or its colons would be read as the port separator.
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            return Uri.CheckHostName(host[1..^1]) == UriHostNameType.IPv6;
        }
        return Uri.CheckHostName(host) is UriHostNameType.Dns or UriHostNameType.IPv4;
    }
}
