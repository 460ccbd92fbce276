using System.CommandLine;
using GpuSlicingInfra.Cli.Cli;
using GpuSlicingInfra.Cli.Verify;
using GpuSlicingInfra.Review;
using GpuSlicingInfra.Stacks.Config;
using k8s;

namespace GpuSlicingInfra.Cli.Commands;

/// <summary>
/// <c>verify (--stack NAME | --program FILE) [--kubeconfig PATH] [--context NAME] [--format text|json]</c>: reads the live
/// cluster (list calls only) and compares it with what the program declares. Exit 0 when everything matches, 1 with every
/// mismatch listed, 2 on a bad command line or when the cluster cannot be read (nothing was compared).
/// </summary>
internal static class VerifyCommand
{
    /// <summary>The command's help line, also that of a build without it (the two builds print the same --help).</summary>
    public const string Description =
        "Compare the live cluster with what a stack or program declares: GPU resources per node, labels and taints, device plugin and GFD, " +
        "Karpenter objects, pending GPU pods, other device plugins. Read-only; it needs this ClusterRole:\n" + VerifyRbac.ClusterRole;

    public static Command Create(CliContext context, Option<string?> projectDir, Option<bool> verbose)
    {
        var kubeconfig = NonEmptyValue.Required(new Option<string?>("--kubeconfig") { Description = "Kubeconfig file (the stack's kubeconfig output works). Default: KUBECONFIG, else ~/.kube/config, else in-cluster." });
        var kubeContext = NonEmptyValue.Required(new Option<string?>("--context") { Description = "Kubeconfig context. Default: the file's current context." });
        var format = FormatOption.Create();
        var command = new Command("verify", Description);
        var target = ReviewTarget.AddTo(command);
        command.Options.Add(kubeconfig);
        command.Options.Add(kubeContext);
        command.Options.Add(format);
        command.SetAction(parse => App.Guard(context, parse.GetValue(verbose), () =>
        {
            var (program, review) = parse.GetValue(target.Program) is { } programFile
                ? (ProgramFile.Read(programFile), ReviewContext.None)
                : Compile(context, parse.GetValue(projectDir) ?? context.WorkingDirectory, parse.GetValue(target.Stack)!);
            var expected = ExpectedCluster.Of(program, review, context.Today);
            ClusterState cluster;
            try
            {
                var config = KubeconfigSource.Load(parse.GetValue(kubeconfig), parse.GetValue(kubeContext), context.Environment);
                using var client = new Kubernetes(config);
                cluster = ClusterReader.Read(client, config.Host, expected.NodePools.Count > 0, expected.NodeOverlays.Count > 0);
            }
            catch (ClusterAccessException e)
            {
                context.Error.WriteLine($"error: {StackInputLimits.Printable(e.Message, 2000)}");
                return ExitCodes.Usage;
            }
            var report = Verifier.Compare(target.Subject(parse), expected, cluster, context.Clock.GetUtcNow());
            if (parse.GetValue(format) == FormatOption.Json)
            {
                VerifyJson.Write(context.Out, report);
            }
            else
            {
                VerifyRenderer.Render(context.Out, report);
            }
            return report.Passed ? ExitCodes.Ok : ExitCodes.InvalidInput;
        }));
        return command;
    }

    private static (ProgramSnapshot Program, ReviewContext Context) Compile(CliContext context, string directory, string stackName)
    {
        var stack = CompiledStack.From(StackLoader.FromFile(context.Environment, directory, stackName));
        return (stack.Program, stack.Context);
    }
}
