namespace GpuSlicingInfra.Review.Plan;

/// <summary>
/// One kind of plan warning. The plan runs a list of these (<see cref="PlanWarningRules.Default"/>),
/// so a new component (an autoscaler, say) brings its own warnings by adding a rule to the list.
/// </summary>
public interface IPlanWarningRule
{
    /// <summary>The warnings for this stack; none when all is well.</summary>
    IEnumerable<PlanWarning> Check(PlanContext context);
}
