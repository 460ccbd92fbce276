using GpuSlicingInfra.Components.Program;

namespace GpuSlicingInfra.Components.Providers.Aws;

/// <summary><c>aws:ec2:LaunchTemplate</c>.</summary>
internal sealed class LaunchTemplate(PulumiProgram program, string name, LaunchTemplateArgs args, ResourceOptions? options = null)
    : AwsResource(program, name, "aws:ec2:LaunchTemplate", args, options)
{
    /// <summary>The latest version number.</summary>
    public Output<int> LatestVersion => Output<int>("latestVersion");
}

/// <summary>Inputs of <see cref="LaunchTemplate"/>.</summary>
internal sealed record LaunchTemplateArgs
{
    /// <summary>Name prefix; AWS appends a unique suffix.</summary>
    public Input<string>? NamePrefix { get; init; }

    /// <summary>Description.</summary>
    public Input<string>? Description { get; init; }

    /// <summary>Instance metadata service settings.</summary>
    public LaunchTemplateMetadataOptionsArgs? MetadataOptions { get; init; }

    /// <summary>Block device mappings.</summary>
    public IReadOnlyList<LaunchTemplateBlockDeviceMappingArgs>? BlockDeviceMappings { get; init; }

    /// <summary>Tags applied to instances and volumes launched from the template.</summary>
    public IReadOnlyList<LaunchTemplateTagSpecificationArgs>? TagSpecifications { get; init; }

    /// <summary>Makes each new version the default version.</summary>
    public Input<bool>? UpdateDefaultVersion { get; init; }

    /// <summary>Tags of the template itself.</summary>
    public InputMap<string>? Tags { get; init; }

    /// <summary>Base64-encoded user data.</summary>
    public Input<string>? UserData { get; init; }
}

/// <summary>IMDS settings of a launch template.</summary>
internal sealed record LaunchTemplateMetadataOptionsArgs
{
    /// <summary><c>enabled</c> or <c>disabled</c>.</summary>
    public Input<string>? HttpEndpoint { get; init; }

    /// <summary><c>required</c> enforces IMDSv2.</summary>
    public Input<string>? HttpTokens { get; init; }

    /// <summary>PUT response hop limit, 1–64.</summary>
    public Input<int>? HttpPutResponseHopLimit { get; init; }
}

/// <summary>One block device of a launch template.</summary>
internal sealed record LaunchTemplateBlockDeviceMappingArgs
{
    /// <summary>Device name, e.g. <c>/dev/xvda</c>.</summary>
    public required Input<string> DeviceName { get; init; }

    /// <summary>EBS settings.</summary>
    public required LaunchTemplateEbsArgs Ebs { get; init; }
}

/// <summary>EBS volume settings (the provider types booleans here as strings).</summary>
internal sealed record LaunchTemplateEbsArgs
{
    /// <summary>Size in GiB.</summary>
    public Input<int>? VolumeSize { get; init; }

    /// <summary>Volume type, e.g. <c>gp3</c>.</summary>
    public Input<string>? VolumeType { get; init; }

    /// <summary><c>"true"</c> to encrypt.</summary>
    public Input<string>? Encrypted { get; init; }

    /// <summary><c>"true"</c> to delete with the instance.</summary>
    public Input<string>? DeleteOnTermination { get; init; }
}

/// <summary>Tags for one kind of launched resource.</summary>
internal sealed record LaunchTemplateTagSpecificationArgs
{
    /// <summary><c>instance</c>, <c>volume</c>, …</summary>
    public required Input<string> ResourceType { get; init; }

    /// <summary>Tags.</summary>
    public required InputMap<string> Tags { get; init; }
}
