namespace Sportello.Core.Cluster;

/// <summary>
/// Keeps a per-node copy of tenant content besides the page cache (a search index, for one) and wants to hear when
/// another node changed that content, so it does not wait for its own next look at the database.
/// </summary>
public interface ITenantContentListener
{
    void ContentChanged(string tenant);
}
