using System.CommandLine;
using GpuSlicingInfra.Cli.Cli;
using GpuSlicingInfra.Stacks.Config;
using GpuSlicingInfra.Stacks.Import;

namespace GpuSlicingInfra.Cli.Commands;

/// <summary>
/// <c>import-provisioner FILE [--replicas N]</c>: prints the stack config equivalent to Karpenter v1alpha5 Provisioners
/// (the API Karpenter v1 removed), each value commented with its source and each dropped field with the reason. Exit 1
/// with every problem and its field path, nothing on stdout, when the manifest cannot be imported.
/// </summary>
internal static class ImportProvisionerCommand
{
    // The dev stack's sharing: ten slices per GPU.
    private const int DefaultReplicas = 10;

    // The plugin refuses fewer (a profile of 1 replica is no sharing).
    private const int MinReplicas = 2;

    public static Command Create(CliContext context, Option<bool> verbose)
    {
        var file = new Argument<string>("FILE") { Description = "YAML with karpenter.sh/v1alpha5 Provisioners (and karpenter.k8s.aws/v1alpha1 AWSNodeTemplates)." };
        var replicas = new Option<int>("--replicas")
        {
            Description = $"Slices per GPU of the time-slicing profile the imported pools get (default {DefaultReplicas}).",
            DefaultValueFactory = _ => DefaultReplicas,
        };
        var command = new Command("import-provisioner", "Print the gpuPools config equivalent to Karpenter v1alpha5 Provisioners, explaining each mapping and each dropped field.")
        {
            file, replicas,
        };
        command.SetAction(parse => App.Guard(context, parse.GetValue(verbose), () =>
        {
            var path = parse.GetValue(file)!;
            var replicasPerGpu = parse.GetValue(replicas);
            if (replicasPerGpu < MinReplicas)
            {
                context.Error.WriteLine($"error: --replicas must be {MinReplicas} or more: the device plugin shares a GPU among 2 or more replicas.");
                return ExitCodes.Usage;
            }
            try
            {
                var text = BoundedInput.ReadFile(path, path);
                context.Out.Write(ProvisionerImport.ToStackConfig(text, Path.GetFileName(path), replicasPerGpu));
                return ExitCodes.Ok;
            }
            catch (ConfigException e)
            {
                context.Error.WriteLine($"error: cannot import {StackInputLimits.Printable(path)} ({e.Problems.Count} problem{(e.Problems.Count == 1 ? "" : "s")}):");
                foreach (var problem in e.Problems)
                {
                    context.Error.WriteLine($"  {StackInputLimits.Printable(problem.ToString(), 2000)}");
                }
                return ExitCodes.InvalidInput;
            }
        }));
        return command;
    }
}
