namespace GpuSlicingInfra.Cli.Verify;

/// <summary>The access verify needs: list (GET) only, cluster-wide. Shown by <c>verify --help</c> and in the README.</summary>
internal static class VerifyRbac
{
    public const string ClusterRole = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: gpu-slicing-infra-verify
        rules:
          - apiGroups: [""]
            resources: [nodes, pods]
            verbs: [list]
          - apiGroups: [apps]
            resources: [daemonsets]
            verbs: [list]
          - apiGroups: [karpenter.sh]          # NodeOverlay is karpenter.sh/v1alpha1 too
            resources: [nodepools, nodeclaims, nodeoverlays]
            verbs: [list]
        """;
}
