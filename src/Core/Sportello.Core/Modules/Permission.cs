namespace Sportello.Core.Modules;

/// <summary>Something a role can be granted; declared by the module that checks it.</summary>
public sealed record Permission(string Name, string DisplayName, string Description = "");
