using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace GpuSlicingInfra.Tests.Support;

/// <summary>
/// An HTTP server on 127.0.0.1 only, for tests of code that downloads or calls an API: answers each request from a
/// handler (or a path → bytes map, 404 otherwise), records every request, and stops when disposed.
/// </summary>
internal sealed class LoopbackServer : IDisposable
{
    /// <summary>One answer: status, content type (null for none) and body.</summary>
    public sealed record Response(int Status, string? ContentType, byte[] Body);

    private readonly HttpListener listener = new();
    private readonly Func<string, Response> respond;
    private readonly Task loop;

    /// <summary>Serves <paramref name="respond"/>'s answer for each request's path (query left out).</summary>
    public LoopbackServer(Func<string, Response> respond)
    {
        this.respond = respond;
        Port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    /// <summary>A static-file server: <paramref name="files"/> by path without the leading slash, 404 for anything else.</summary>
    public LoopbackServer(IReadOnlyDictionary<string, byte[]> files)
        : this(path => files.TryGetValue(path.TrimStart('/'), out var body) ? new Response(200, null, body) : new Response(404, null, []))
    {
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    /// <summary>Every request as <c>METHOD /path</c> (query left out), in arrival order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>A loopback port nothing listens on (bound, then released), for "unreachable" cases.</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public void Dispose()
    {
        listener.Close();
        loop.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return; // closed by Dispose
            }
            var path = context.Request.Url!.AbsolutePath;
            Requests.Enqueue($"{context.Request.HttpMethod} {path}");
            var answer = respond(path);
            using var response = context.Response;
            response.StatusCode = answer.Status;
            if (answer.ContentType is { } type)
            {
                response.ContentType = type;
            }
            response.ContentLength64 = answer.Body.Length;
            await response.OutputStream.WriteAsync(answer.Body);
        }
    }
}
