using GpuSlicingInfra.Components.Program;

namespace GpuSlicingInfra.Components.Aws;

/// <summary>
/// The kubeconfig of a cluster this program does not own: its endpoint and certificate from <c>aws:eks:getCluster</c>,
/// a token from <c>aws eks get-token</c> (as pulumi-eks's generated kubeconfig does). Written with <c>fn::toJSON</c>, so the
/// engine encodes the values (pulumi-yaml run.go <c>evaluateBuiltinToJSON</c>, <c>json.Marshal</c>) and no text of ours
/// needs JSON escaping; the program writer doubles any <c>$</c> in the literal parts.
/// </summary>
internal static class ExistingClusterKubeconfig
{
    public static Expr Json(string clusterName, Expr endpoint, Expr certificateAuthorityData, Expr region)
    {
        static KeyValuePair<string, Expr> Entry(string key, Expr value) => KeyValuePair.Create(key, value);
        var exec = Expr.Map([
            Entry("apiVersion", Expr.Text("client.authentication.k8s.io/v1beta1")),
            Entry("command", Expr.Text("aws")),
            Entry("args", Expr.List([
                Expr.Text("eks"), Expr.Text("get-token"), Expr.Text("--cluster-name"), Expr.Text(clusterName),
                // The provider's region, not the caller's AWS_REGION, which may be unset or another region.
                Expr.Text("--region"), region, Expr.Text("--output"), Expr.Text("json"),
            ])),
        ]);
        return Expr.ToJson(Expr.Map([
            Entry("apiVersion", Expr.Text("v1")),
            Entry("kind", Expr.Text("Config")),
            Entry("clusters", Expr.List([Expr.Map([
                Entry("name", Expr.Text(clusterName)),
                Entry("cluster", Expr.Map([
                    Entry("server", endpoint),
                    Entry("certificate-authority-data", certificateAuthorityData),
                ])),
            ])])),
            Entry("contexts", Expr.List([Expr.Map([
                Entry("name", Expr.Text(clusterName)),
                Entry("context", Expr.Map([Entry("cluster", Expr.Text(clusterName)), Entry("user", Expr.Text(clusterName))])),
            ])])),
            Entry("current-context", Expr.Text(clusterName)),
            Entry("users", Expr.List([Expr.Map([
                Entry("name", Expr.Text(clusterName)),
                Entry("user", Expr.Map([Entry("exec", exec)])),
            ])])),
        ]));
    }
}
