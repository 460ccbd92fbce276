using GpuSlicingInfra.Components.Program;
using GpuSlicingInfra.Components.Providers.Aws;
using GpuSlicingInfra.Components.Providers.Eks;

namespace GpuSlicingInfra.Components.Aws;

/// <summary>
/// The launch template every managed node group uses: IMDSv2 required (CKV_AWS_79/341), an encrypted
/// gp3 root volume (awsguard encrypted-volumes), tags on instances and volumes, no SSH key, and
/// user data only where a pool needs it (MIG partitioning, <see cref="Gpu.MigPartitioning"/>).
/// </summary>
internal static class NodeLaunchTemplate
{
    public static NodeGroupLaunchTemplateArgs Create(PulumiProgram program, string name, string description,
        int diskSizeGiB, int hopLimit, IReadOnlyDictionary<string, string> tags, bool protect, string? userData = null)
    {
        var template = new LaunchTemplate(program, name, new LaunchTemplateArgs
        {
            Description = description,
            UpdateDefaultVersion = true,
            MetadataOptions = new LaunchTemplateMetadataOptionsArgs
            {
                HttpEndpoint = "enabled",
                HttpTokens = "required",
                HttpPutResponseHopLimit = hopLimit,
            },
            BlockDeviceMappings =
            [
                new LaunchTemplateBlockDeviceMappingArgs
                {
                    DeviceName = "/dev/xvda",
                    Ebs = new LaunchTemplateEbsArgs
                    {
                        VolumeSize = diskSizeGiB,
                        VolumeType = "gp3",
                        Encrypted = "true",
                        DeleteOnTermination = "true",
                    },
                },
            ],
            TagSpecifications =
            [
                new LaunchTemplateTagSpecificationArgs { ResourceType = "instance", Tags = ResourceTags.Merge(tags) },
                new LaunchTemplateTagSpecificationArgs { ResourceType = "volume", Tags = ResourceTags.Merge(tags) },
            ],
            Tags = ResourceTags.Merge(tags),
            UserData = userData is null ? null : (Input<string>)Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(userData)),
        }, new ResourceOptions { Protect = protect });
        return new NodeGroupLaunchTemplateArgs
        {
            Id = template.Id,
            // The node group takes the version as a string, the template outputs a number: a bare
            // ${…} would pass the number through, so serialize it.
            Version = Input<string>.FromExpr(Expr.ToJson(template.LatestVersion)),
        };
    }
}
