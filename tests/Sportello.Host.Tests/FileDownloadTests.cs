using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sportello.Core.Files;
using Sportello.Core.Storage;

namespace Sportello.Host.Tests;

/// <summary>A stored file leaves only through its endpoint: to its uploader or a holder of its read permission, as an attachment.</summary>
public abstract class FileDownloadTests(SportelloApp app)
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF"u8.ToArray();

    private Task<string> UserIdAsync(string tenant, string email) =>
        app.InTenantAsync(tenant, async sp => (await sp.GetRequiredService<UserManager<Sportello.Identity.Data.SportelloUser>>().FindByEmailAsync(email))!.Id);

    /// <summary>Stores a file in <paramref name="tenant"/> as if <paramref name="uploader"/> had uploaded it.</summary>
    private Task<Guid> StoreAsync(string tenant, string? uploader, string module = "identity", string? readPermission = null) =>
        app.InTenantAsync(tenant, async sp =>
        {
            var file = await sp.GetRequiredService<ITenantFiles>().SaveAsync(
                new FileUpload("carta d'identità.pdf", new MemoryStream(Pdf), module, "identity-document") { ReadPermission = readPermission });
            var db = sp.GetRequiredService<KernelDbContext>();
            await db.Set<TenantFile>().Where(f => f.Id == file.Id).ExecuteUpdateAsync(u => u.SetProperty(f => f.UploadedBy, uploader));
            return file.Id;
        });

    private async Task<HttpClient> ClientAsync(string prefix, string email, string password)
    {
        var client = app.ClientFor();
        await SignIn.AsAsync(client, prefix, email, password);
        return client;
    }

    [Fact]
    public async Task The_uploader_downloads_it_as_an_attachment_that_is_never_sniffed_nor_cached()
    {
        var id = await StoreAsync("demo", await UserIdAsync("demo", SignIn.DemoCustomer));
        var customer = await ClientAsync("/demo", SignIn.DemoCustomer, SignIn.DemoCustomerPassword);

        var response = await customer.GetAsync($"/demo/api/files/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Pdf, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("carta d_identità.pdf", response.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task Others_get_nothing_unless_they_hold_its_permission()
    {
        var customerId = await UserIdAsync("demo", SignIn.DemoCustomer);
        var privateFile = await StoreAsync("demo", customerId);
        var shared = await StoreAsync("demo", customerId, readPermission: "users.manage");
        var ofDisabledModule = await StoreAsync("demo", customerId, module: "tenants");

        var admin = await ClientAsync("/demo", SignIn.DemoAdmin, SignIn.DemoAdminPassword);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/demo/api/files/{privateFile}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/demo/api/files/{shared}")).StatusCode);

        var customer = await ClientAsync("/demo", SignIn.DemoCustomer, SignIn.DemoCustomerPassword);
        Assert.Equal(HttpStatusCode.NotFound, (await customer.GetAsync($"/demo/api/files/{ofDisabledModule}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await customer.GetAsync($"/demo/api/files/{Guid.NewGuid()}")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ClientFor().GetAsync($"/demo/api/files/{shared}")).StatusCode);

        // Another tenant's administrator, holding every permission of theirs, finds nothing under the same id.
        var platform = await ClientAsync("", SignIn.PlatformAdmin, SignIn.PlatformPassword);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.GetAsync($"/api/files/{shared}")).StatusCode);
    }
}

public sealed class FileDownloadTestsOnSqlite(AppFixture fixture) : FileDownloadTests(fixture.App), IClassFixture<AppFixture>;

public sealed class FileDownloadTestsOnPostgres(PostgresAppFixture fixture) : FileDownloadTests(fixture.App), IClassFixture<PostgresAppFixture>;
