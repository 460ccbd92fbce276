using GpuSlicingInfra.Components.Program;
using GpuSlicingInfra.Components.Providers.Aws;

namespace GpuSlicingInfra.Components.Aws;

/// <summary>An IAM role trusted by one service, with AWS-managed policies attached by name.</summary>
internal static class IamRoleWithPolicies
{
    public static IamRole Create(PulumiProgram program, string name, AwsContext aws, string description,
        Input<string> trustPolicy, IEnumerable<(string Suffix, string PolicyName)> managedPolicies,
        IReadOnlyDictionary<string, string> tags, Input<string>? roleName = null) =>
        CreateWithAttachments(program, name, aws, description, trustPolicy, managedPolicies, tags, roleName).Role;

    /// <summary>The role and its policy attachments, for resources that must not start before the role can act.</summary>
    public static (IamRole Role, IReadOnlyList<Resource> Attachments) CreateWithAttachments(PulumiProgram program, string name, AwsContext aws,
        string description, Input<string> trustPolicy, IEnumerable<(string Suffix, string PolicyName)> managedPolicies,
        IReadOnlyDictionary<string, string> tags, Input<string>? roleName = null)
    {
        var role = new IamRole(program, name, new IamRoleArgs
        {
            Name = roleName,
            Description = description,
            AssumeRolePolicy = trustPolicy,
            Tags = ResourceTags.Merge(tags),
        }, new ResourceOptions
        {
            // An explicit name (cluster name + stack suffix) is reused by a replacement: create-before-delete would collide.
            DeleteBeforeReplace = roleName is not null,
        });
        var attachments = new List<Resource>();
        foreach (var (suffix, policyName) in managedPolicies)
        {
            attachments.Add(new IamRolePolicyAttachment(program, $"{name}-{suffix}", new IamRolePolicyAttachmentArgs
            {
                Role = role.RoleName,
                PolicyArn = aws.ManagedPolicyArn(policyName),
            }));
        }
        return (role, attachments);
    }

    /// <summary>The managed policies a node needs: kubelet, VPC CNI, image pulls, SSM (least privilege, BPG iam).</summary>
    public static IReadOnlyList<(string Suffix, string PolicyName)> NodePolicies { get; } =
    [
        ("worker", "AmazonEKSWorkerNodePolicy"),
        ("cni", "AmazonEKS_CNI_Policy"),
        ("ecr", "AmazonEC2ContainerRegistryPullOnly"),
        ("ssm", "AmazonSSMManagedInstanceCore"),
    ];
}
