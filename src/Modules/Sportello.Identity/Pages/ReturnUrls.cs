using Microsoft.AspNetCore.Mvc;

namespace Sportello.Identity.Pages;

public static class ReturnUrls
{
    /// <summary>Only a path inside this site: anything else (another host, "//evil", "/\evil") goes to the home page.</summary>
    public static string Safe(IUrlHelper url, string? returnUrl) =>
        returnUrl is { } candidate && url.IsLocalUrl(candidate) ? candidate : url.Content("~/");
}
