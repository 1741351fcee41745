using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sportello.Core.Security;
using Sportello.Identity;
using Sportello.Organizations;

namespace Sportello.Commerce.Pages.Admin.Commerce.Users;

/// <summary>Every customer's shop account, found by a few letters of the name or the e-mail, with the records each reaches.</summary>
[RequirePermission(CommercePermissions.Users)]
public sealed class IndexModel(ICustomerAccounts accounts, IAccountRecords records) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public AccountStatusFilter Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<CustomerAccount> Accounts { get; private set; } = [];
    public IReadOnlyDictionary<string, IReadOnlyList<AccountRecord>> Records { get; private set; } = new Dictionary<string, IReadOnlyList<AccountRecord>>();
    public bool HasNext { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Clamp(PageNumber, 1, 10_000);
        var page = await accounts.SearchAsync(Shortened(Q), Status, PageNumber, ct);
        Accounts = page.Accounts;
        HasNext = page.HasMore;
        Records = await records.OfAsync(Accounts.Select(a => a.Id).ToList(), ct);
    }

    /// <summary>At most 200 characters, never half of one (a cut surrogate pair is not valid UTF-8 for the store).</summary>
    private static string? Shortened(string? text) =>
        text is null || text.Length <= 200 ? text : text[..(char.IsHighSurrogate(text[199]) ? 199 : 200)];
}
