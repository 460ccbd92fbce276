namespace GpuSlicingInfra.Components.Tenancy;

/// <summary>What applies to every tenant: how the guard rails act, and whether the priority classes exist.</summary>
public sealed record TenancyOptions
{
    /// <summary>
    /// What the API server does when a guard rail fails (the bindings' <c>validationActions</c>). Default: Deny.
    /// </summary>
    public IReadOnlyList<ValidationAction> ValidationActions { get; init; } = [ValidationAction.Deny];

    /// <summary>Create the two cluster-wide priority classes of <see cref="TenantPriorityClasses"/>. Default: off.</summary>
    public bool PriorityClasses { get; init; }

    /// <summary>Every problem with these options, each naming the field.</summary>
    public IReadOnlyList<ArgsProblem> Validate()
    {
        var problems = new List<ArgsProblem>();
        if (ValidationActions.Count == 0)
        {
            problems.Add(new(nameof(ValidationActions), "must name at least one of Deny, Warn, Audit."));
        }
        if (ValidationActions.Distinct().Count() != ValidationActions.Count)
        {
            problems.Add(new(nameof(ValidationActions), "names an action twice; the API server refuses duplicates."));
        }
        // ValidatingAdmissionPolicyBinding validation (k8s.io/api admissionregistration/v1 types.go, validationActions):
        // Deny and Warn together would report every failure twice.
        if (ValidationActions.Contains(ValidationAction.Deny) && ValidationActions.Contains(ValidationAction.Warn))
        {
            problems.Add(new(nameof(ValidationActions), "Deny and Warn may not be combined (the API server refuses it); use [Deny] or [Warn], each optionally with Audit."));
        }
        return problems;
    }
}

/// <summary>A ValidatingAdmissionPolicyBinding's action on a failed validation.</summary>
public enum ValidationAction
{
    /// <summary>Reject the request.</summary>
    Deny,

    /// <summary>Admit it with a warning to the client.</summary>
    Warn,

    /// <summary>Admit it and record the failure in the audit log.</summary>
    Audit,
}
