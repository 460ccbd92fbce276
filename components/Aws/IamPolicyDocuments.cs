using GpuSlicingInfra.Components.Program;

namespace GpuSlicingInfra.Components.Aws;

/// <summary>Builders for IAM policy documents, serialized with <c>fn::toJSON</c> at deployment time.</summary>
public static class IamPolicyDocuments
{
    /// <summary>A trust policy letting an AWS service assume the role.</summary>
    public static Input<string> ServiceTrust(string servicePrincipal, params string[] actions) =>
        Input<string>.FromExpr(Expr.ToJson(Expr.From(new PolicyDocument([
            new PolicyStatement
            {
                Sid = "AllowServiceToAssume",
                Effect = "Allow",
                Principal = new PolicyPrincipal { Service = servicePrincipal },
                Action = actions.Length == 0 ? ["sts:AssumeRole"] : actions,
            },
        ]))));

    /// <summary>A policy document from statements.</summary>
    public static Input<string> Document(IEnumerable<PolicyStatement> statements) =>
        Input<string>.FromExpr(Expr.ToJson(Expr.From(new PolicyDocument([.. statements]))));
}

/// <summary>An IAM policy document.</summary>
/// <param name="Statement">The statements.</param>
public sealed record PolicyDocument(IReadOnlyList<PolicyStatement> Statement)
{
    /// <summary>Policy language version.</summary>
    [PulumiName("Version")]
    public string Version { get; init; } = "2012-10-17";

    /// <summary>The statements.</summary>
    [PulumiName("Statement")]
    public IReadOnlyList<PolicyStatement> Statement { get; init; } = Statement;
}

/// <summary>One IAM policy statement.</summary>
public sealed record PolicyStatement
{
    /// <summary>Statement id.</summary>
    [PulumiName("Sid")]
    public string? Sid { get; init; }

    /// <summary><c>Allow</c> or <c>Deny</c>.</summary>
    [PulumiName("Effect")]
    public required string Effect { get; init; }

    /// <summary>Principal (resource and trust policies).</summary>
    [PulumiName("Principal")]
    public object? Principal { get; init; }

    /// <summary>Actions.</summary>
    [PulumiName("Action")]
    public required IReadOnlyList<string> Action { get; init; }

    /// <summary>Resources; expressions allowed. Default: none (trust policies).</summary>
    [PulumiName("Resource")]
    public IReadOnlyList<Expr>? Resource { get; init; }

    /// <summary>Conditions: operator → key → values.</summary>
    [PulumiName("Condition")]
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, Expr>>? Condition { get; init; }
}

/// <summary>A policy principal.</summary>
public sealed record PolicyPrincipal
{
    /// <summary>Service principal, e.g. <c>ec2.amazonaws.com</c>.</summary>
    [PulumiName("Service")]
    public object? Service { get; init; }

    /// <summary>A federated principal (IRSA).</summary>
    [PulumiName("Federated")]
    public Expr? Federated { get; init; }

    /// <summary>An AWS principal, or <c>*</c>.</summary>
    [PulumiName("AWS")]
    public object? Aws { get; init; }
}
