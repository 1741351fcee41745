namespace Sportello.Core.Cluster;

/// <summary>Tells the other nodes what changed here, so they do not serve a stale copy.</summary>
public interface ICatalogChangeNotifier
{
    /// <summary>A tenant's catalog record changed (or is gone): re-read it. Fire and forget: a lost message is caught by the catalog version check.</summary>
    void Changed(string tenant);

    /// <summary>A tenant's content changed: drop its cached pages. Fire and forget: cached pages expire on their own.</summary>
    void PagesChanged(string tenant);
}

/// <summary>One node: nobody else to tell.</summary>
internal sealed class SingleNodeChangeNotifier : ICatalogChangeNotifier
{
    public void Changed(string tenant)
    {
    }

    public void PagesChanged(string tenant)
    {
    }
}
