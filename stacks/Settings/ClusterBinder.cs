using GpuSlicingInfra.Components.Aws;
using GpuSlicingInfra.Stacks.Config;

namespace GpuSlicingInfra.Stacks.Settings;

/// <summary>Binds <c>cluster</c> to <see cref="ClusterOptions"/>.</summary>
internal static class ClusterBinder
{
    public static ClusterOptions Bind(SettingsObject? section, string stackName, bool protect)
    {
        var defaults = new ClusterOptions { Name = $"gpu-slicing-{stackName}" };
        if (section is null)
        {
            return defaults with { Protect = protect };
        }
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
        return args;
    }
}
