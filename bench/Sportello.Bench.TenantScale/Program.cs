using Sportello.Bench.TenantScale;

// Two roles in one program: "serve" runs a host over an App_Data folder (a child process, so memory is measured
// in a process that did nothing else); without it, the program orchestrates the whole benchmark.
if (args.Length > 0 && args[0] == "serve")
{
    var app = BenchHost.Build(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
    await app.RunAsync();
    return 0;
}

var options = BenchOptions.Parse(args);
return await new Orchestrator(options).RunAsync();
