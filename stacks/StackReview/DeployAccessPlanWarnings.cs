using System.Text;
using GpuSlicingInfra.Components.Aws;
using GpuSlicingInfra.Review.Plan;
using GpuSlicingInfra.Stacks.Settings;

namespace GpuSlicingInfra.Stacks.StackReview;

/// <summary>
/// What the machine and identity that run <c>pulumi up</c> need: a network path to the API endpoint (the
/// Helm releases and Kubernetes objects are applied through it), and an identity that is not also listed
/// in <c>adminPrincipalArns</c>.
/// </summary>
/// <param name="settings">The stack's validated settings, which this warning reads.</param>
public sealed class DeployAccessPlanWarnings(StackSettings settings) : IPlanWarningRule
{
    /// <summary>Code of the network-path line every stack gets.</summary>
    public const string NetworkCode = "deploy-network";

    /// <summary>Code of the reminder about the deploying identity.</summary>
    public const string IdentityCode = "deployer-admin-entry";

    /// <summary>The repository variable that picks the workflows' runner for <paramref name="stack"/> (letters, digits and '_' only).</summary>
    public static string RunnerVariable(string stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var name = new StringBuilder("PULUMI_RUNNER_");
        foreach (var c in stack)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_');
        }
        return name.ToString();
    }

    /// <inheritdoc />
    public IEnumerable<PlanWarning> Check(PlanContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // An existing cluster's endpoint is not known offline: the plan's existing-cluster section assumes it is reachable.
        if (settings.Platform.ExistingCluster is not null)
        {
            yield break;
        }
        var cluster = settings.Platform.Cluster;
        var runner = RunnerVariable(settings.StackName);
        if (!cluster.EndpointPublicAccess)
        {
            yield return new PlanWarning(NetworkCode,
                "the API endpoint is private only: pulumi up and preview must run inside the VPC or a network routed to it (VPN, peering, Transit Gateway), " +
                $"allowed on 443 by the cluster security group, e.g. a self-hosted or CodeBuild runner there ({runner}); a GitHub-hosted runner cannot reach it.",
                SettingsBinder.ToKeyPath($"Cluster.{nameof(ClusterOptions.EndpointPublicAccess)}"));
        }
        else
        {
            var inVpc = cluster.EndpointPrivateAccess ? " or inside the VPC" : "";
            yield return new PlanWarning(NetworkCode,
                $"the API endpoint admits only {string.Join(", ", cluster.PublicAccessCidrs)}: pulumi up and preview must run from an allowed CIDR{inVpc} ({runner}); " +
                "a GitHub-hosted runner is outside them, and the update fails after pulumi-eks waits 300 s for /healthz.",
                SettingsBinder.ToKeyPath($"Cluster.{nameof(ClusterOptions.PublicAccessCidrs)}"));
        }
        if (cluster.AdminPrincipalArns.Count > 0)
        {
            // The caller is unknown offline; this is a reminder, not a check.
            yield return new PlanWarning(IdentityCode,
                "pulumi-eks already makes the identity that creates the cluster an admin (bootstrapClusterCreatorAdminPermissions); " +
                "if that identity (for the workflows, the role in AWS_DEPLOY_ROLE_ARN) is also listed here, its access entry fails with ResourceInUseException (pulumi/pulumi-eks#2373): list other principals only.",
                SettingsBinder.ToKeyPath($"Cluster.{nameof(ClusterOptions.AdminPrincipalArns)}"));
        }
    }
}
