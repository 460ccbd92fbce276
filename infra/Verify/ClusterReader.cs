using System.Net;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Exceptions;

namespace GpuSlicingInfra.Cli.Verify;

/// <summary>
/// Reads the cluster with list calls only (GET; see <see cref="VerifyRbac"/> for the ClusterRole they need). Karpenter
/// objects are listed only when the program declares them, so a cluster without Karpenter needs no karpenter.sh access.
/// </summary>
internal static class ClusterReader
{
    /// <summary>NodePool and NodeClaim: karpenter.sh/v1 (the NodePool CRD, ../shared/upstream/karpenter/karpenter.sh_nodepools.yaml).</summary>
    public const string KarpenterGroup = "karpenter.sh";

    /// <summary>NodeOverlay is served as karpenter.sh/v1alpha1 (karpenter.sh_nodeoverlays.yaml at v1.14.1: group karpenter.sh, version v1alpha1).</summary>
    public const string NodeOverlayVersion = "v1alpha1";

    /// <exception cref="ClusterAccessException">The API server is unreachable or refuses a request.</exception>
    public static ClusterState Read(IKubernetes client, string server, bool nodePools, bool nodeOverlays)
    {
        try
        {
            var nodes = client.CoreV1.ListNodeAsync().GetAwaiter().GetResult().Items;
            var pods = client.CoreV1.ListPodForAllNamespacesAsync().GetAwaiter().GetResult().Items;
            var daemonSets = client.AppsV1.ListDaemonSetForAllNamespacesAsync().GetAwaiter().GetResult().Items;
            return new ClusterState(server, [.. nodes], [.. pods], [.. daemonSets],
                nodePools ? Custom(client, "v1", "nodepools") : [],
                nodePools ? Custom(client, "v1", "nodeclaims") : [],
                nodeOverlays ? Custom(client, NodeOverlayVersion, "nodeoverlays") : []);
        }
        catch (HttpOperationException e)
        {
            throw new ClusterAccessException($"the API server at {server} refused a request: {(int)e.Response.StatusCode} {e.Response.StatusCode} {Brief(e.Response.Content)}" +
                (e.Response.StatusCode == HttpStatusCode.Forbidden ? " (verify needs the ClusterRole in `verify --help`)" : ""), e);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            throw new ClusterAccessException($"cannot reach the API server at {server}: {ClusterAccessException.Cause(e)}", e);
        }
        catch (KubeConfigException e)
        {
            // Raised at the first request when the kubeconfig's exec credential (aws eks get-token) fails.
            throw new ClusterAccessException($"cannot authenticate to the API server at {server}: {ClusterAccessException.Cause(e)} "
                + "(the kubeconfig's credential command failed; its own error is above: for `aws eks get-token`, check the AWS credentials and region)", e);
        }
    }

    // A custom resource list; null when the server does not serve it (its CRD is not installed).
    private static List<KarpenterObject>? Custom(IKubernetes client, string version, string plural)
    {
        try
        {
            var list = client.CustomObjects.ListClusterCustomObjectAsync(KarpenterGroup, version, plural).GetAwaiter().GetResult();
            return list is JsonElement json ? [.. KarpenterObject.ListItems(json)] : [];
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private static string Brief(string? content) => content is null ? "" : content.Length <= 300 ? content : content[..300];
}
