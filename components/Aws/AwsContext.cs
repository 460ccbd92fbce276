using GpuSlicingInfra.Components.Program;
using GpuSlicingInfra.Components.Providers.Aws;

namespace GpuSlicingInfra.Components.Aws;

/// <summary>
/// Account, partition and region of the deploying credentials, as program variables resolved by
/// the provider at deployment time (never baked in at compile time, so one program fits any account).
/// </summary>
public sealed class AwsContext
{
    private AwsContext(Output<string> partition, Output<string> accountId, Output<string> region)
    {
        Partition = partition;
        AccountId = accountId;
        Region = region;
    }

    /// <summary>The partition, e.g. <c>aws</c>.</summary>
    public Output<string> Partition { get; }

    /// <summary>The account id.</summary>
    public Output<string> AccountId { get; }

    /// <summary>The region.</summary>
    public Output<string> Region { get; }

    /// <summary>Declares the variables once per program and returns them.</summary>
    public static AwsContext For(PulumiProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        Output<string> Variable(string name, Func<Expr> value) =>
            program.Variables.Any(v => v.Key == name) ? new(new ReferenceExpr(name)) : program.AddVariable<string>(name, value());
        return new AwsContext(
            Variable("awsPartition", AwsFunctions.Partition),
            Variable("awsAccountId", AwsFunctions.AccountId),
            Variable("awsRegion", AwsFunctions.Region));
    }

    /// <summary>The ARN of an AWS-managed IAM policy in this partition.</summary>
    public Input<string> ManagedPolicyArn(string policyName) =>
        Input<string>.FromExpr(InterpolationExpr.Of("arn:", Partition.Reference, ":iam::aws:policy/" + policyName));
}
