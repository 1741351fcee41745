using Microsoft.AspNetCore.Mvc;
using Sportello.Identity;
using Sportello.Organizations;

namespace Sportello.Commerce.Pages.Admin.Commerce.Records;

/// <summary>On a customer record's back-office page: the shop accounts that reach it, with the reset and dissociation shortcuts.</summary>
public sealed class AccountsPanel(IAccountRecords records, ICustomerAccounts accounts) : ViewComponent
{
    public sealed record Row(RecordAccount Link, CustomerAccount? Account);

    public sealed record Model(Guid OrganizationId, IReadOnlyList<Row> Rows);

    public async Task<IViewComponentResult> InvokeAsync(Guid organizationId)
    {
        var rows = new List<Row>();
        foreach (var link in await records.AccountsOfAsync(organizationId, HttpContext.RequestAborted))
        {
            rows.Add(new(link, await accounts.FindAsync(link.UserId, HttpContext.RequestAborted)));
        }

        return View("~/Pages/Admin/Commerce/Records/AccountsPanel.cshtml", new Model(organizationId, rows));
    }
}
