using System.Text;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Verify;

/// <summary>
/// A Kubernetes API server on 127.0.0.1 for verify's tests: answers the list paths it is given with their JSON, 404 with a
/// Status object otherwise (what an API server says for a resource it does not serve), and records every request.
/// </summary>
internal static class FakeKubeApi
{
    private const string NotFound =
        """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the server could not find the requested resource","reason":"NotFound","details":{},"code":404}""";

    public static LoopbackServer Serve(IReadOnlyDictionary<string, string> responses) => new(path =>
        new LoopbackServer.Response(responses.ContainsKey(path) ? 200 : 404, "application/json",
            Encoding.UTF8.GetBytes(responses.TryGetValue(path, out var body) ? body : NotFound)));
}
