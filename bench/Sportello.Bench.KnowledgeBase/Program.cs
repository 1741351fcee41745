using Sportello.Bench.KnowledgeBase;
using Sportello.Bench.TenantScale;

// Two roles in one program, as in the tenant-scale benchmark: "serve" runs a host over an App_Data folder (the
// process wrk measures); without it, the program prepares the tenant, measures search in-process and drives the load.
if (args.Length > 0 && args[0] == "serve")
{
    var app = BenchHost.Build(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
    await app.RunAsync();
    return 0;
}

var options = BenchOptions.Parse(args);
return await new Orchestrator(options).RunAsync();
