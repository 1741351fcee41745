namespace Sportello.Core.Cluster;

/// <summary>Tells the other nodes that a tenant's catalog record changed (or is gone), so they re-read it.</summary>
public interface ICatalogChangeNotifier
{
    /// <summary>Fire and forget: a message lost here is caught by the next catalog version check.</summary>
    void Changed(string tenant);
}

/// <summary>One node: nobody else to tell.</summary>
internal sealed class SingleNodeChangeNotifier : ICatalogChangeNotifier
{
    public void Changed(string tenant)
    {
    }
}
