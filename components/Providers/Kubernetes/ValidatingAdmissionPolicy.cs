using GpuSlicingInfra.Components.Program;

namespace GpuSlicingInfra.Components.Providers.Kubernetes;

/// <summary><c>kubernetes:admissionregistration.k8s.io/v1:ValidatingAdmissionPolicy</c> (cluster-scoped, GA in 1.30).</summary>
internal sealed class ValidatingAdmissionPolicy(PulumiProgram program, string name, ValidatingAdmissionPolicyArgs args, ResourceOptions? options = null)
    : Resource(program, name, "kubernetes:admissionregistration.k8s.io/v1:ValidatingAdmissionPolicy", args, options);

/// <summary>Inputs of <see cref="ValidatingAdmissionPolicy"/>.</summary>
internal sealed record ValidatingAdmissionPolicyArgs
{
    /// <summary>Metadata (the name bindings refer to).</summary>
    public required ObjectMeta Metadata { get; init; }

    /// <summary>The policy.</summary>
    public required ValidatingAdmissionPolicySpec Spec { get; init; }
}

/// <summary>A policy's spec.</summary>
/// <param name="FailurePolicy"><c>Fail</c> or <c>Ignore</c>: what an expression error does.</param>
/// <param name="MatchConstraints">The requests the policy looks at.</param>
/// <param name="MatchConditions">CEL conditions a request must also meet, all of them.</param>
/// <param name="Variables">Named CEL values, in order; each may use the ones before it.</param>
/// <param name="Validations">CEL checks, each true for an admitted request.</param>
internal sealed record ValidatingAdmissionPolicySpec(
    string FailurePolicy,
    AdmissionMatchResources MatchConstraints,
    IReadOnlyList<AdmissionMatchCondition> MatchConditions,
    IReadOnlyList<AdmissionVariable> Variables,
    IReadOnlyList<AdmissionValidation> Validations);

/// <summary>What requests a policy or binding matches.</summary>
internal sealed record AdmissionMatchResources
{
    /// <summary>Operations on resources.</summary>
    public IReadOnlyList<AdmissionRule>? ResourceRules { get; init; }

    /// <summary>Namespaces, by their labels.</summary>
    public LabelSelector? NamespaceSelector { get; init; }
}

/// <summary>Operations on resources (a NamedRuleWithOperations).</summary>
/// <param name="ApiGroups">API groups; <c>""</c> is core.</param>
/// <param name="ApiVersions">Versions.</param>
/// <param name="Operations"><c>CREATE</c>, <c>UPDATE</c>….</param>
/// <param name="Resources">Resources, e.g. <c>pods</c>.</param>
internal sealed record AdmissionRule(IReadOnlyList<string> ApiGroups, IReadOnlyList<string> ApiVersions, IReadOnlyList<string> Operations, IReadOnlyList<string> Resources);

/// <summary>A label selector (matchLabels only).</summary>
/// <param name="MatchLabels">Labels an object must carry.</param>
internal sealed record LabelSelector(SortedDictionary<string, string> MatchLabels);

/// <summary>A named CEL condition.</summary>
/// <param name="Name">Name.</param>
/// <param name="Expression">CEL, true to match.</param>
internal sealed record AdmissionMatchCondition(string Name, string Expression);

/// <summary>A named CEL value (<c>variables.&lt;name&gt;</c>).</summary>
/// <param name="Name">Name.</param>
/// <param name="Expression">CEL.</param>
internal sealed record AdmissionVariable(string Name, string Expression);

/// <summary>One CEL check.</summary>
/// <param name="Expression">CEL, true to admit.</param>
/// <param name="Message">Fixed message on failure.</param>
/// <param name="MessageExpression">CEL string built on failure; the message is used when it fails.</param>
/// <param name="Reason">HTTP reason: <c>Forbidden</c>, <c>Invalid</c>….</param>
internal sealed record AdmissionValidation(string Expression, string Message, string? MessageExpression, string Reason);

/// <summary><c>kubernetes:admissionregistration.k8s.io/v1:ValidatingAdmissionPolicyBinding</c> (cluster-scoped).</summary>
internal sealed class ValidatingAdmissionPolicyBinding(PulumiProgram program, string name, ValidatingAdmissionPolicyBindingArgs args, ResourceOptions? options = null)
    : Resource(program, name, "kubernetes:admissionregistration.k8s.io/v1:ValidatingAdmissionPolicyBinding", args, options);

/// <summary>Inputs of <see cref="ValidatingAdmissionPolicyBinding"/>.</summary>
internal sealed record ValidatingAdmissionPolicyBindingArgs
{
    /// <summary>Metadata.</summary>
    public required ObjectMeta Metadata { get; init; }

    /// <summary>The binding.</summary>
    public required ValidatingAdmissionPolicyBindingSpec Spec { get; init; }
}

/// <summary>A binding's spec.</summary>
/// <param name="PolicyName">The policy it binds.</param>
/// <param name="ValidationActions"><c>Deny</c>, <c>Warn</c>, <c>Audit</c>.</param>
/// <param name="MatchResources">Where the policy applies (the tenant's namespace).</param>
internal sealed record ValidatingAdmissionPolicyBindingSpec(string PolicyName, IReadOnlyList<string> ValidationActions, AdmissionMatchResources MatchResources);
