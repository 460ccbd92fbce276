using GpuSlicingInfra.Components.Aws;
using GpuSlicingInfra.Stacks.Config;

namespace GpuSlicingInfra.Stacks.Settings;

/// <summary>Binds <c>cluster</c> to <see cref="ClusterOptions"/>, or <c>cluster.existing</c> to <see cref="ExistingClusterOptions"/>.</summary>
internal static class ClusterBinder
{
    /// <summary>The key of an existing cluster, under <c>cluster</c>.</summary>
    public const string Existing = "existing";

    // Every cluster key that shapes a cluster this program creates; createSpotServiceLinkedRole is account-wide, so it stays.
    private static readonly string[] CreatingKeys =
    [
        "name", "kubernetesVersion", "endpointPrivateAccess", "endpointPublicAccess", "publicAccessCidrs", "logTypes",
        "adminPrincipalArns", "createOidcProvider", "systemInstanceType", "systemMinSize", "systemDesiredSize",
        "systemMaxSize", "systemDiskSizeGiB",
    ];

    public static (ClusterOptions Cluster, ExistingClusterOptions? Existing) Bind(SettingsObject? section, string stackName, bool protect)
    {
        var defaults = new ClusterOptions { Name = $"gpu-slicing-{stackName}" };
        if (section is null)
        {
            return (defaults with { Protect = protect }, null);
        }
        var existing = BindExisting(section.Map(Existing));
        var args = new ClusterOptions
        {
            Name = section.Text("name", defaults.Name),
            KubernetesVersion = section.Text("kubernetesVersion", defaults.KubernetesVersion),
            EndpointPrivateAccess = section.Bool("endpointPrivateAccess", defaults.EndpointPrivateAccess),
            EndpointPublicAccess = section.Bool("endpointPublicAccess", defaults.EndpointPublicAccess),
            PublicAccessCidrs = section.StringList("publicAccessCidrs", defaults.PublicAccessCidrs),
            LogTypes = section.StringList("logTypes", defaults.LogTypes),
            AdminPrincipalArns = section.StringList("adminPrincipalArns", defaults.AdminPrincipalArns),
            CreateOidcProvider = section.Bool("createOidcProvider", defaults.CreateOidcProvider),
            CreateSpotServiceLinkedRole = section.Bool("createSpotServiceLinkedRole", defaults.CreateSpotServiceLinkedRole),
            SystemInstanceType = section.Text("systemInstanceType", defaults.SystemInstanceType),
            SystemMinSize = section.WholeNumber("systemMinSize", defaults.SystemMinSize, 0, 100),
            SystemDesiredSize = section.WholeNumber("systemDesiredSize", defaults.SystemDesiredSize, 0, 100),
            SystemMaxSize = section.WholeNumber("systemMaxSize", defaults.SystemMaxSize, 1, 100),
            SystemDiskSizeGiB = section.WholeNumber("systemDiskSizeGiB", defaults.SystemDiskSizeGiB, 1, 16384),
            Protect = protect,
        };
        section.Finish();
        if (existing is null)
        {
            return (args, null);
        }
        foreach (var key in CreatingKeys.Where(section.Has))
        {
            section.Problem(key, $"cannot be combined with {section.PathOf(Existing)}: it shapes a cluster this stack would create, and the existing cluster is used as it is.");
        }
        // The creating keys were refused: what validation sees is the existing cluster's name and nothing else.
        return (new ClusterOptions { Name = existing.Name, CreateSpotServiceLinkedRole = args.CreateSpotServiceLinkedRole, Protect = protect }, existing);
    }

    /// <summary>Every <c>network</c> key is an error beside <c>cluster.existing</c>: the existing cluster's VPC is used.</summary>
    public static void RefuseNetwork(SettingsObject? network, string existingKeyPath)
    {
        foreach (var key in network?.Keys ?? [])
        {
            network!.Problem(key, $"cannot be combined with {existingKeyPath}: the existing cluster's VPC and subnets are used (GPU nodes go to {existingKeyPath}.nodeSubnetIds).");
        }
    }

    private static ExistingClusterOptions? BindExisting(SettingsObject? section)
    {
        if (section is null)
        {
            return null;
        }
        var name = section.StringOrNull("name");
        if (name is null)
        {
            section.Problem("name", "the existing EKS cluster's name is required.");
        }
        var existing = new ExistingClusterOptions
        {
            Name = name ?? "",
            NodeSubnetIds = section.StringList("nodeSubnetIds", []),
        };
        section.Finish();
        return existing;
    }
}
