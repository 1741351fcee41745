namespace Sportello.Bench.TenantScale;

/// <param name="Served">Tenants provisioned from the recipe and then each served one cold request.</param>
/// <param name="Catalog">Tenants in the catalog for the largest memory measurement.</param>
/// <param name="Seconds">Duration of each throughput run.</param>
internal sealed record BenchOptions(int Served, int Catalog, int Seconds, int Connections)
{
    public static BenchOptions Parse(string[] args)
    {
        int Get(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
        }

        return new BenchOptions(Get("--served", 1000), Get("--catalog", 10000), Get("--seconds", 10), Get("--connections", 32));
    }
}
