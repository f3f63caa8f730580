using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using Perfolizer.Mathematics.OutlierDetection;
using Touchpoint.Benchmarks;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Touchpoint.Benchmarks.Contacts;
using Touchpoint.Benchmarks.Delivery;
using Touchpoint.Benchmarks.Interactions;
using Touchpoint.Benchmarks.Segments;

if (args is ["reset", ..])
{
    await BenchmarkDatabase.ResetAsync();
    return;
}
if (args is ["explain", ..])
{
    await ExplainListContacts.RunAsync();
    return;
}
if (args is ["bare-insert" or "bare-insert-pg" or "bare-delete", ..])
{
    Environment.ExitCode = await PostInteractionsLoad.RunAsync(args);
    return;
}
if (args is ["log-segment-contacts" or "log-segment-load" or "bare-log-insert" or "drop-pg-database", ..])
{
    Environment.ExitCode = await LogSegmentLoad.RunAsync(args);
    return;
}
if (args is ["merge-letters", ..])
{
    WordLetterBenchmarks.MergeMany(args is [_, var n, ..] ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : 10_000);
    return;
}
if (args is ["hard-copies", ..])
{
    Environment.ExitCode = await HardCopyLoad.RunAsync(args);
    return;
}
if (args is ["deliver-segment" or "bare-smtp", ..])
{
    Environment.ExitCode = await DeliverSegmentLoad.RunAsync(args);
    return;
}
if (args is ["contact-timeline", ..])
{
    Environment.ExitCode = await ContactTimelineLoad.RunAsync(args);
    return;
}
if (args is ["explain-log", ..])
{
    await ExplainInteractionLog.RunAsync();
    return;
}

// One call per iteration, so that Median and P95 are those of single requests, as a server sees them, rather than
// of means over batches; slow calls are kept (no outlier removal), since they are what P95 is about. 5 warm-up and 30 measured calls per case keep a run short on a 2-core machine (InteractionLogBenchmarks: 3 and 20, set on the class). In-process:
// no generated project to build (it would inherit this repository's warnings-as-errors) and the env vars that name
// the databases are simply there.
var job = Job.Default
    .WithToolchain(InProcessEmitToolchain.Instance)
    .WithLaunchCount(1)
    .WithWarmupCount(5)
    .WithIterationCount(30)
    .WithInvocationCount(1)
    .WithUnrollFactor(1)
    .WithOutlierMode(OutlierMode.DontRemove)
    .WithId("Short");
var config = DefaultConfig.Instance
    .AddJob(job)
    .AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.Max)
    .AddDiagnoser(MemoryDiagnoser.Default)
    .WithOptions(ConfigOptions.JoinSummary);
BenchmarkSwitcher.FromAssembly(typeof(ListContactsBenchmarks).Assembly).Run(args, config);
