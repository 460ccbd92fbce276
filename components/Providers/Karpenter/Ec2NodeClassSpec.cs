using GpuSlicingInfra.Components.Program;

namespace GpuSlicingInfra.Components.Providers.Karpenter;

/// <summary><c>spec</c> of a Karpenter <c>EC2NodeClass</c> (<c>karpenter.k8s.aws/v1</c>).</summary>
internal sealed record Ec2NodeClassSpec
{
    /// <summary>The node IAM role name; Karpenter creates the instance profile itself.</summary>
    public required Input<string> Role { get; init; }

    /// <summary>AMI selection, e.g. one alias term <c>al2023@latest</c>.</summary>
    public required IReadOnlyList<AmiSelectorTerm> AmiSelectorTerms { get; init; }

    /// <summary>Subnets the nodes launch into.</summary>
    public required IReadOnlyList<SelectorTerm> SubnetSelectorTerms { get; init; }

    /// <summary>Security groups of the nodes.</summary>
    public required IReadOnlyList<SelectorTerm> SecurityGroupSelectorTerms { get; init; }

    /// <summary>Instance metadata service settings.</summary>
    public required Ec2NodeClassMetadataOptions MetadataOptions { get; init; }

    /// <summary>Volumes of the nodes.</summary>
    public required IReadOnlyList<Ec2NodeClassBlockDeviceMapping> BlockDeviceMappings { get; init; }

    /// <summary>Tags on instances, volumes and launch templates.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>User data Karpenter merges with its own (MIME multipart for AL2023).</summary>
    public string? UserData { get; init; }
}

/// <summary>An AMI selector term by alias (<c>family@version</c>).</summary>
/// <param name="Alias">E.g. <c>al2023@latest</c> or <c>al2023@v20260520</c>.</param>
internal sealed record AmiSelectorTerm(string Alias);

/// <summary>A selector term: one resource by id, or every resource carrying tags (the CRD allows one or the other).</summary>
internal sealed record SelectorTerm
{
    /// <summary>The resource id (<c>subnet-…</c>, <c>sg-…</c>); null to select by tags.</summary>
    public Input<string>? Id { get; init; }

    /// <summary>Tag key → value; null to select by id.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>Every resource carrying <paramref name="tags"/>.</summary>
    public static SelectorTerm ByTags(IReadOnlyDictionary<string, string> tags) => new() { Tags = tags };

    /// <summary>The resource <paramref name="id"/>.</summary>
    public static SelectorTerm ById(Input<string> id) => new() { Id = id };
}

/// <summary>IMDS settings of an EC2NodeClass.</summary>
/// <param name="HttpEndpoint"><c>enabled</c> or <c>disabled</c>.</param>
/// <param name="HttpProtocolIPv6"><c>enabled</c> or <c>disabled</c>.</param>
/// <param name="HttpPutResponseHopLimit">PUT response hop limit.</param>
/// <param name="HttpTokens"><c>required</c> enforces IMDSv2.</param>
internal sealed record Ec2NodeClassMetadataOptions(string HttpEndpoint, string HttpProtocolIPv6, int HttpPutResponseHopLimit, string HttpTokens);

/// <summary>One block device of an EC2NodeClass.</summary>
/// <param name="DeviceName">Device name, e.g. <c>/dev/xvda</c>.</param>
/// <param name="Ebs">EBS settings.</param>
/// <param name="RootVolume">Whether this is the root volume.</param>
internal sealed record Ec2NodeClassBlockDeviceMapping(string DeviceName, Ec2NodeClassEbs Ebs, bool RootVolume);

/// <summary>EBS settings of an EC2NodeClass block device.</summary>
/// <param name="VolumeSize">A quantity such as <c>100Gi</c>.</param>
/// <param name="VolumeType">E.g. <c>gp3</c>.</param>
/// <param name="Encrypted">Encrypt the volume.</param>
/// <param name="DeleteOnTermination">Delete with the instance.</param>
internal sealed record Ec2NodeClassEbs(string VolumeSize, string VolumeType, bool Encrypted, bool DeleteOnTermination);
