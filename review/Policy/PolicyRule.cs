namespace GpuSlicingInfra.Review.Policy;

/// <summary>Base of the built-in rules: id and title as data, the check as one method.</summary>
public abstract class PolicyRule : IPolicyRule
{
    /// <inheritdoc />
    public abstract string Id { get; }

    /// <inheritdoc />
    public abstract string Title { get; }

    /// <inheritdoc />
    public abstract IEnumerable<PolicyFinding> Check(PolicyContext context);

    /// <summary>An error of this rule.</summary>
    protected PolicyFinding Error(string message, string keyPath, string? resource = null) => new(Id, PolicySeverity.Error, message, keyPath, resource);

    /// <summary>A warning of this rule.</summary>
    protected PolicyFinding Warning(string message, string keyPath, string? resource = null) => new(Id, PolicySeverity.Warning, message, keyPath, resource);
}
