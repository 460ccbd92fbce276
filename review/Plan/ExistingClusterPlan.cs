using System.Text.Json.Nodes;

namespace GpuSlicingInfra.Review.Plan;

/// <summary>
/// What a program that joins an existing EKS cluster (one it reads with <c>aws:eks:getCluster</c>) adds to it, and what it
/// takes for granted about the cluster: nothing of the cluster itself is created, modified or imported.
/// </summary>
/// <param name="Name">The existing cluster's name.</param>
/// <param name="Added">Every resource the program adds (all of them: the program creates nothing else), in program order.</param>
/// <param name="Assumed">What must already hold for the added resources to work; nothing offline can check these.</param>
public sealed record ExistingClusterPlan(string Name, IReadOnlyList<PlannedResource> Added, IReadOnlyList<string> Assumed)
{
    /// <summary>The invoke that reads an existing cluster.</summary>
    public const string LookupFunction = "aws:eks:getCluster";

    /// <summary>The plan of <paramref name="program"/>'s existing cluster; null when it reads none.</summary>
    public static ExistingClusterPlan? Of(ProgramSnapshot program)
    {
        ArgumentNullException.ThrowIfNull(program);
        var name = program.Variables.Values
            .Select(v => v?["fn::invoke"] as JsonObject)
            .Where(invoke => invoke?["function"]?.GetValue<string>() == LookupFunction)
            .Select(invoke => invoke!["arguments"]?["name"]?.GetValue<string>())
            .FirstOrDefault(n => n is not null);
        if (name is null)
        {
            return null;
        }
        return new(name, [.. program.Resources.Select(r => new PlannedResource(r.Name, r.Type))], [.. Assumptions(program, name)]);
    }

    private static IEnumerable<string> Assumptions(ProgramSnapshot program, string name)
    {
        yield return $"EKS cluster '{name}' exists in the AWS provider's account and region; the identity running pulumi up may describe it, reaches its API endpoint and is allowed in by an access entry (the Kubernetes provider authenticates with aws eks get-token).";
        var nodeGroups = program.Resources.Where(ProgramPool.IsGpuNodeGroup).ToList();
        var roles = nodeGroups.Select(g => RoleOf(g.Text("nodeRoleArn"))).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (nodeGroups.Count > 0)
        {
            yield return $"The cluster's authentication mode is API or API_AND_CONFIG_MAP: EKS then creates the access entry of the GPU node role ({string.Join(", ", roles)}) for its managed node groups itself; under CONFIG_MAP the nodes never join.";
            var subnets = nodeGroups.SelectMany(g => g.Node("subnetIds") as JsonArray ?? []).OfType<JsonValue>().Select(v => v.GetValue<string>()).Distinct(StringComparer.Ordinal);
            yield return $"Subnets {string.Join(", ", subnets)} are private subnets of the cluster's VPC whose route table reaches the internet through NAT (or VPC endpoints for EKS, ECR, S3 and STS), so nodes can join and pull images.";
            yield return "GPU nodes get the security group EKS created for the cluster (their launch templates name none), whose rules let nodes and the control plane talk.";
            foreach (var role in roles)
            {
                var policies = program.OfType("aws:iam:RolePolicyAttachment").Where(a => RoleOf(a.Text("role")) == role)
                    .Select(a => (a.Text("policyArn") ?? "").Split('/')[^1]);
                yield return $"GPU node role {role} holds only AWS managed policies: {string.Join(", ", policies)} (the VPC CNI uses the node's role unless the cluster gives it its own).";
            }
        }
        if (program.Resources.Any(ProgramPool.IsNodePool))
        {
            yield return HasKarpenterRelease(program)
                ? "Karpenter is installed by this program: the cluster has nodes for its controller outside the GPU pools, and its eks-pod-identity-agent add-on is installed (an existing cluster's add-ons are not touched)."
                : "Karpenter already runs in the cluster with its CRDs installed; the EC2NodeClasses name the role its nodes already use, which has the cluster's access entry and which its controller may pass to instances.";
            if (program.OfType("kubernetes:apiextensions.k8s.io:CustomResource").Any(r => r.Text("kind") == "NodeOverlay") && !HasKarpenterRelease(program))
            {
                yield return "That Karpenter is 1.7.0 or later with its NodeOverlay feature gate on (chart value settings.featureGates.nodeOverlay: true): without it, the overlays are ignored and pods asking for slices stay pending.";
            }
        }
        yield return "No other NVIDIA device plugin runs on the GPU nodes (README, \"Adding GPU sharing to an existing cluster\", removes the common ones): two plugins advertise nvidia.com/gpu twice and fight over it.";
    }

    private static bool HasKarpenterRelease(ProgramSnapshot program) =>
        program.OfType("kubernetes:helm.sh/v3:Release").Any(r => r.Text("name") == "karpenter");

    // ${cluster-node-role.arn} and ${cluster-node-role.name} both name the role resource cluster-node-role; literal names stay.
    private static string? RoleOf(string? reference) => reference switch
    {
        null => null,
        _ when reference.StartsWith("${", StringComparison.Ordinal) && reference.EndsWith('}') => reference[2..^1].Split('.')[0],
        _ => reference,
    };
}
