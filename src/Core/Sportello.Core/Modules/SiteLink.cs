namespace Sportello.Core.Modules;

/// <summary>A link of the public site's header and footer (the help centre, later the customer area), shown while its module is on.</summary>
public sealed record SiteLink(string Title, string Path, int Order);
