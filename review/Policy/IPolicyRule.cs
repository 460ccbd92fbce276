namespace GpuSlicingInfra.Review.Policy;

/// <summary>
/// One policy rule of <c>validate</c>. Rules read the compiled program (what is really emitted) and the
/// settings only where the program cannot tell (environment, key paths). New components add rules to
/// <see cref="PolicyRules.Default"/>.
/// </summary>
public interface IPolicyRule
{
    /// <summary>Stable id, e.g. <c>GSI001</c>.</summary>
    string Id { get; }

    /// <summary>What the rule checks, for the README table and <c>validate</c> output.</summary>
    string Title { get; }

    /// <summary>Every violation in this stack.</summary>
    IEnumerable<PolicyFinding> Check(PolicyContext context);
}
