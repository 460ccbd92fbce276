namespace GpuSlicingInfra.Stacks.Import;

/// <summary>
/// Facts about Karpenter's removed <c>karpenter.sh/v1alpha5</c> Provisioner and its AWS provider
/// (aws/karpenter-provider-aws v0.31.4: <c>pkg/apis/crds/karpenter.sh_provisioners.yaml</c>,
/// <c>pkg/apis/v1alpha5/provisioner.go</c>, <c>pkg/apis/v1alpha1/provider.go</c>).
/// </summary>
internal static class V1Alpha5
{
    public const string ProvisionerApiVersion = "karpenter.sh/v1alpha5";
    public const string ProvisionerKind = "Provisioner";
    public const string NodeTemplateApiVersion = "karpenter.k8s.aws/v1alpha1";
    public const string NodeTemplateKind = "AWSNodeTemplate";

    /// <summary>Where a release that no longer has the API documents each field's successor.</summary>
    public const string MigrationGuide = "https://karpenter.sh/v0.32/upgrading/v1beta1-migration/";

    /// <summary>
    /// The instance-type keys whose absence made the v1alpha5 defaulting webhook add <c>instance-category In [c, m, r]</c>
    /// and <c>instance-generation Gt 2</c> (<c>Provisioner.SetDefaults</c>): such a Provisioner never launched a GPU instance.
    /// </summary>
    public static readonly string[] InstanceTypeKeys =
    [
        "node.kubernetes.io/instance-type", "karpenter.k8s.aws/instance-family", "karpenter.k8s.aws/instance-category",
        "karpenter.k8s.aws/instance-generation",
    ];

    /// <summary>The fields of the AWS provider block (inline <c>spec.provider</c> or an AWSNodeTemplate's spec).</summary>
    public static readonly string[] ProviderFields =
    [
        "amiFamily", "amiSelector", "blockDeviceMappings", "context", "detailedMonitoring", "instanceProfile", "launchTemplate",
        "metadataOptions", "securityGroupSelector", "subnetSelector", "tags", "userData",
    ];

    /// <summary>The operators of a node selector requirement.</summary>
    public static readonly string[] Operators = ["In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"];
}
