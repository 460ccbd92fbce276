using System.Net;
using System.Net.Sockets;

namespace GpuSlicingInfra.Tests.Support;

/// <summary>
/// A static-file HTTP server on 127.0.0.1 only, for tests of code that downloads: serves the given
/// path → bytes map, 404 for anything else, and stops when disposed.
/// </summary>
internal sealed class LoopbackServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly IReadOnlyDictionary<string, byte[]> files;
    private readonly Task loop;

    public LoopbackServer(IReadOnlyDictionary<string, byte[]> files)
    {
        this.files = files;
        Port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public int Requests { get; private set; }

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
            Requests++;
            using var response = context.Response;
            if (files.TryGetValue(context.Request.Url!.AbsolutePath.TrimStart('/'), out var body))
            {
                response.ContentLength64 = body.Length;
                await response.OutputStream.WriteAsync(body);
            }
            else
            {
                response.StatusCode = 404;
            }
        }
    }
}
