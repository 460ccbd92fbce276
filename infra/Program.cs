using System.Text;
using GpuSlicingInfra.Cli.Cli;

var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = false, NewLine = "\n" };
var stderr = new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
var exitCode = App.Run(args, new CliContext(stdout, stderr, new ProcessEnvironment(), Directory.GetCurrentDirectory(), TimeProvider.System));
stdout.Flush();
return exitCode;
