using System.Globalization;
using System.Text.RegularExpressions;
using GpuSlicingInfra.Stacks.Config;

namespace GpuSlicingInfra.Stacks.Import;

/// <summary>
/// What the import takes from an AWS provider block (a Provisioner's inline <c>spec.provider</c> or an AWSNodeTemplate):
/// the root volume's size; every other field is dropped, because the product builds the EC2NodeClass itself.
/// </summary>
internal sealed partial record NodeTemplate(int? RootVolumeGiB, string? RootVolumePath, string? InstanceType, string? InstanceTypePath, IReadOnlyList<DroppedField> Dropped)
{
    // The AL2023 root device (the AMI family the product's nodes use).
    private const string RootDevice = "/dev/xvda";

    /// <summary>Reads a provider block; <paramref name="allowInstanceType"/> only for an inline one, where some guides wrote it.</summary>
    public static NodeTemplate Read(SettingsObject provider, bool allowInstanceType)
    {
        int? rootGiB = null;
        string? rootPath = null;
        string? instanceType = null;
        string? instanceTypePath = null;
        var dropped = new List<DroppedField>();
        if (allowInstanceType && provider.Has("instanceType"))
        {
            instanceTypePath = provider.PathOf("instanceType");
            instanceType = provider.StringOrNull("instanceType");
        }
        foreach (var device in provider.Has("blockDeviceMappings") ? provider.Items("blockDeviceMappings") : [])
        {
            var name = device.StringOrNull("deviceName");
            var ebs = device.Map("ebs");
            var size = ebs?.StringOrNull("volumeSize");
            var sizePath = ebs?.PathOf("volumeSize") ?? device.Path;
            if (name == RootDevice && size is not null && GiB(size) is { } gib)
            {
                rootGiB = gib;
                rootPath = sizePath;
            }
            else
            {
                dropped.Add(new(device.Path, name == RootDevice
                    ? "a root volume size the import cannot read as Gi or Ti; set diskSizeGiB yourself."
                    : $"only the root volume ({RootDevice}) maps to a pool setting (diskSizeGiB); the product's nodes get one encrypted gp3 volume."));
            }
            foreach (var key in ebs?.Keys.Where(k => k != "volumeSize").ToList() ?? [])
            {
                ebs!.Consume(key);
                dropped.Add(new(ebs.PathOf(key), "the product's root volume is gp3 and always encrypted; other volume settings are not configurable."));
            }
            ebs?.Finish();
            device.Finish();
        }
        foreach (var key in provider.Keys.Where(k => k is not "blockDeviceMappings" and not "instanceType").ToList())
        {
            provider.Consume(key);
            dropped.Add(new(provider.PathOf(key), Reason(key)));
        }
        return new(rootGiB, rootPath, instanceType, instanceTypePath, dropped);
    }

    private static string Reason(string key) => key switch
    {
        "amiFamily" or "amiSelector" => "the product's nodes run the EKS-optimized AL2023 NVIDIA AMI (karpenter.amiAlias), which carries the driver the device plugin needs.",
        "subnetSelector" or "securityGroupSelector" => "the product's EC2NodeClass selects the stack's private subnets and the cluster security group by the karpenter.sh/discovery tag.",
        "instanceProfile" => "the product creates the node role and lets Karpenter manage its instance profile.",
        "metadataOptions" => "the product's nodes always require IMDSv2 with a hop limit of 1.",
        "tags" => "put tags in the stack's top-level tags, which every resource gets.",
        "launchTemplate" or "userData" => "Karpenter v1 has no custom launch templates; the product writes the node's user data.",
        "apiVersion" or "kind" => "an inline provider's type marker, no longer needed.",
        _ => V1Alpha5.ProviderFields.Contains(key)
            ? "no pool setting corresponds to it."
            : "not a field of the v1alpha5 AWS provider, so Karpenter ignored it too.",
    };

    // Kubernetes quantities as EBS sizes are written: whole Gi or Ti.
    private static int? GiB(string quantity)
    {
        var match = Quantity().Match(quantity);
        if (!match.Success || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return null;
        }
        return match.Groups[2].Value == "Ti" ? amount * 1024 : amount;
    }

    [GeneratedRegex(@"\A([0-9]{1,6})(Gi|Ti)\z")]
    private static partial Regex Quantity();
}
