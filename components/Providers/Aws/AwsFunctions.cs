using GpuSlicingInfra.Components.Program;

namespace GpuSlicingInfra.Components.Providers.Aws;

/// <summary>Provider functions of the <c>aws</c> package used by the components.</summary>
public static class AwsFunctions
{
    /// <summary>The account id of the deploying credentials.</summary>
    public static Expr AccountId() => Invoke.Call("aws:getCallerIdentity", null, "accountId");

    /// <summary>The partition (<c>aws</c>, <c>aws-cn</c>, <c>aws-us-gov</c>).</summary>
    public static Expr Partition() => Invoke.Call("aws:getPartition", null, "partition");

    /// <summary>The region the provider deploys to.</summary>
    public static Expr Region() => Invoke.Call("aws:getRegion", null, "region");
}
