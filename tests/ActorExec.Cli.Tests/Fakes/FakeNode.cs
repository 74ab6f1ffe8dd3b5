using System.Collections.Concurrent;
using System.Text.Json;
using ActorExec.Inspection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ActorExec.Cli.Tests.Fakes;

/// <summary>
/// A stand-in for a node's inspection endpoint on 127.0.0.1 (a free port): answers the documents a
/// test gives it and records every request, so specs check both what the CLI printed and what it asked.
/// </summary>
public sealed class FakeNode : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<(string Method, string Path), Answer> answers = new();
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly ConcurrentDictionary<(string Method, string PathPrefix), Func<RecordedRequest, (int Status, object Document)>> computed = new();

    private FakeNode(WebApplication app, string address)
    {
        this.app = app;
        Address = address;
    }

    /// <summary>Where it listens, as <c>--node</c> takes it: <c>127.0.0.1:port</c>.</summary>
    public string Address { get; }

    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    public RecordedRequest SingleRequest => Requests.Should().ContainSingle().Subject;

    public static async Task<FakeNode> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        FakeNode? node = null;
        app.Run(context => node!.AnswerAsync(context));
        await app.StartAsync();
        node = new FakeNode(app, new Uri(app.Urls.Single()).Authority);
        return node;
    }

    /// <summary>Answers <paramref name="document"/> serialized as the contract says, with <paramref name="status"/>.</summary>
    public void Serve<T>(string method, string path, T document, int status = StatusCodes.Status200OK) =>
        ServeRaw(method, path, status, JsonSerializer.Serialize(document, InspectionJson.Options));

    public void ServeRaw(string method, string path, int status, string body) => answers[(method, path)] = new Answer(status, body, Hang: false);

    /// <summary>
    /// Answers every <paramref name="method"/> request whose path starts with <paramref name="pathPrefix"/>
    /// with the status and document <paramref name="respond"/> makes of it; an answer for the exact path wins.
    /// </summary>
    public void ServeComputed(string method, string pathPrefix, Func<RecordedRequest, (int Status, object Document)> respond) =>
        computed[(method, pathPrefix)] = respond;

    /// <summary>Accepts the request and never answers, until the client gives up.</summary>
    public void ServeNothing(string method, string path) => answers[(method, path)] = new Answer(0, "", Hang: true);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var request = context.Request;
        var recorded = new RecordedRequest(
            request.Method,
            request.Path.Value ?? "",
            request.Query.ToDictionary(pair => pair.Key, pair => pair.Value.ToString()),
            request.Headers.Authorization.Count == 0 ? null : request.Headers.Authorization.ToString());
        requests.Enqueue(recorded);
        if (!answers.TryGetValue((recorded.Method, recorded.Path), out var answer))
        {
            answer = Compute(recorded) ?? new Answer(
                StatusCodes.Status404NotFound,
                JsonSerializer.Serialize(new ApiError($"fake node: nothing served at {request.Method} {request.Path}"), InspectionJson.Options),
                Hang: false);
        }
        if (answer.Hang)
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }
        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.Body);
    }

    private Answer? Compute(RecordedRequest request)
    {
        var respond = computed
            .Where(pair => pair.Key.Method == request.Method && request.Path.StartsWith(pair.Key.PathPrefix, StringComparison.Ordinal))
            .OrderByDescending(pair => pair.Key.PathPrefix.Length)
            .Select(pair => pair.Value)
            .FirstOrDefault();
        if (respond is null)
        {
            return null;
        }
        var (status, document) = respond(request);
        return new Answer(status, JsonSerializer.Serialize(document, document.GetType(), InspectionJson.Options), Hang: false);
    }

    private sealed record Answer(int Status, string Body, bool Hang);
}

/// <summary>One request as the fake node saw it.</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Query, string? Authorization);
