using System.Globalization;
using Sportello.Bench.Billing;

// Invoice PDFs per second, order-to-paid through the Stripe webhook with concurrent deliveries, and the customer's
// order list against the bare endpoint: see bench/README.md.
int Option(string name, int fallback) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

return await new Orchestrator(Option("--orders", 1000), Option("--connections", 32), Option("--seconds", 10)).RunAsync();
