using System.Text.Json.Nodes;
using GpuSlicingInfra.Tests.Support;

namespace GpuSlicingInfra.Tests.Verify;

/// <summary>
/// The dev stack's cluster as verify sees it when everything matches (Fixtures/*.json, shaped as the API server's list
/// responses), editable per test, then served by <see cref="FakeKubeApi"/> with a kubeconfig pointing at it.
/// </summary>
internal sealed class FakeCluster
{
    /// <summary>The API paths verify lists, and the fixture file each answers with.</summary>
    public static readonly IReadOnlyDictionary<string, string> Paths = new Dictionary<string, string>
    {
        ["/api/v1/nodes"] = "nodes.json",
        ["/api/v1/pods"] = "pods.json",
        ["/apis/apps/v1/daemonsets"] = "daemonsets.json",
        ["/apis/karpenter.sh/v1/nodepools"] = "nodepools.json",
        ["/apis/karpenter.sh/v1/nodeclaims"] = "nodeclaims.json",
        ["/apis/karpenter.sh/v1alpha1/nodeoverlays"] = "nodeoverlays.json",
    };

    private readonly Dictionary<string, JsonNode> lists = Paths.ToDictionary(p => p.Key,
        p => JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "GpuSlicingInfra.Tests", "Verify", "Fixtures", p.Value)))!);

    /// <summary>Paths to answer with 404 (a CRD not installed).</summary>
    public HashSet<string> Missing { get; } = [];

    public JsonArray Nodes => Items("/api/v1/nodes");

    public JsonArray Pods => Items("/api/v1/pods");

    public JsonArray DaemonSets => Items("/apis/apps/v1/daemonsets");

    public JsonArray NodePools => Items("/apis/karpenter.sh/v1/nodepools");

    public JsonArray NodeClaims => Items("/apis/karpenter.sh/v1/nodeclaims");

    public JsonArray NodeOverlays => Items("/apis/karpenter.sh/v1alpha1/nodeoverlays");

    /// <summary>The item of <paramref name="list"/> named <paramref name="name"/>.</summary>
    public static JsonObject Named(JsonArray list, string name) =>
        list.OfType<JsonObject>().Single(i => (string?)i["metadata"]!["name"] == name);

    /// <summary>A copy of an item under a new name, added to its list.</summary>
    public static JsonObject AddCopy(JsonArray list, string name, string newName)
    {
        var copy = Named(list, name).DeepClone().AsObject();
        copy["metadata"]!["name"] = newName;
        list.Add(copy);
        return copy;
    }

    /// <summary>Runs <c>verify --stack dev</c> (plus <paramref name="args"/>) against this cluster; returns the result and the requests made.</summary>
    public (CliRunner.Result Result, IReadOnlyList<string> Requests) Verify(params string[] args)
    {
        using var api = FakeKubeApi.Serve(lists.Where(l => !Missing.Contains(l.Key)).ToDictionary(l => l.Key, l => l.Value.ToJsonString()));
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"verify-kubeconfig-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(kubeconfig, Kubeconfig(api.BaseUrl));
        try
        {
            var result = CliRunner.Run(["verify", "--stack", "dev", "--kubeconfig", kubeconfig, .. args]);
            return (result, [.. api.Requests]);
        }
        finally
        {
            File.Delete(kubeconfig);
        }
    }

    /// <summary>A kubeconfig for a server at <paramref name="url"/>, with a bearer token as EKS users have.</summary>
    public static string Kubeconfig(string url) => $"""
        apiVersion: v1
        kind: Config
        clusters:
          - name: fake
            cluster:
              server: {url}
        contexts:
          - name: fake
            context:
              cluster: fake
              user: fake
        current-context: fake
        users:
          - name: fake
            user:
              token: test-token
        """;

    private JsonArray Items(string path) => lists[path]["items"]!.AsArray();
}
