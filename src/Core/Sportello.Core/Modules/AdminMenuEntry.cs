namespace Sportello.Core.Modules;

/// <summary>A link in the back-office menu, shown when the module is enabled and the user holds the permission.</summary>
public sealed record AdminMenuEntry(string Title, string Path, string? Permission = null, int Order = 0);
