using System.Security.Cryptography;
using System.Text;
using ActorExec.Inspection;
using ActorExec.Node.Configuration;
using Microsoft.AspNetCore.Http;

namespace ActorExec.Node.Inspection;

/// <summary>
/// The endpoint's one rule about tokens: on a non-loopback address every call needs the bearer token;
/// mutating calls (POST) need it everywhere; with no token configured, mutating calls are refused.
/// </summary>
internal sealed class BearerTokenGate(InspectionSettings settings)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var mutating = HttpMethods.IsPost(context.Request.Method);
        if (!mutating && settings.IsLoopback)
        {
            await next(context);
            return;
        }
        if (settings.Token.Length == 0)
        {
            await Refuse(context, StatusCodes.Status403Forbidden, "mutating calls are disabled: set actorexec.inspection.token (or ACTOREXEC_TOKEN) on the node");
            return;
        }
        var header = context.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.Ordinal) || !Matches(header[scheme.Length..].Trim()))
        {
            await Refuse(context, StatusCodes.Status401Unauthorized, header.Length == 0 ? "a bearer token is required" : "the bearer token is not valid");
            return;
        }
        await next(context);
    }

    private bool Matches(string presented)
        => CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(settings.Token)));

    private static Task Refuse(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new ApiError(message), InspectionJson.Options);
    }
}
