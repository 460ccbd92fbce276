using System.Collections.Concurrent;
using System.Net;
using System.Text;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Verify;

/// <summary>
/// A Kubernetes API server on 127.0.0.1 for verify's tests: answers the list paths it is given with their JSON, 404 with a
/// Status object otherwise (what an API server says for a resource it does not serve), and records every request.
/// </summary>
internal sealed class FakeKubeApi : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly IReadOnlyDictionary<string, string> responses;
    private readonly Task loop;

    public FakeKubeApi(IReadOnlyDictionary<string, string> responses)
    {
        this.responses = responses;
        Port = LoopbackServer.FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    /// <summary>Every request as <c>METHOD /path</c> (query left out).</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

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
            using var response = context.Response;
            response.ContentType = "application/json";
            var found = responses.TryGetValue(path, out var body);
            if (!found)
            {
                response.StatusCode = 404;
                body = $$"""{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the server could not find the requested resource","reason":"NotFound","details":{},"code":404}""";
            }
            var bytes = Encoding.UTF8.GetBytes(body!);
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes);
        }
    }
}
