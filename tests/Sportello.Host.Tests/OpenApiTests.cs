using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Sportello.Core.Lifecycles;
using Sportello.Core.Text;
using Sportello.Core.Validation;
using Sportello.Core.Web;

namespace Sportello.Host.Tests;

/// <summary>Each tenant's OpenAPI document lists the kernel's endpoints and those of its enabled modules only.</summary>
public sealed class OpenApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static async Task<JsonElement> DocumentAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static List<string> Paths(JsonElement document) => document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

    [Fact]
    public async Task A_tenant_without_the_tenants_module_does_not_see_its_endpoints()
    {
        var demo = await DocumentAsync(fixture.App.ClientFor(), "/demo/api/openapi.json");
        Assert.Contains("/api/validate/{kind}", Paths(demo));
        Assert.DoesNotContain(Paths(demo), p => p.StartsWith("/api/tenants", StringComparison.Ordinal));
        Assert.EndsWith("/demo", demo.GetProperty("servers")[0].GetProperty("url").GetString());

        Assert.DoesNotContain(Paths(demo), p => p.StartsWith("/_", StringComparison.Ordinal)); // style sheets are not API

        var platform = Paths(await DocumentAsync(fixture.App.ClientFor(), "/api/openapi.json"));
        Assert.Contains(platform, p => p.TrimEnd('/') == "/api/tenants");
        Assert.Contains("/api/tenants/{name}", platform);
    }

    [Fact]
    public async Task Refusals_become_problem_details()
    {
        var context = new DefaultEndpointFilterInvocationContext(new DefaultHttpContext());
        var invalid = await ApiRefusals.FilterAsync(context, _ => throw new SportelloValidationException("iban", "L'IBAN è obbligatorio."));
        var problem = Assert.IsType<Microsoft.AspNetCore.Http.HttpResults.ValidationProblem>(invalid);
        Assert.Equal(["L'IBAN è obbligatorio."], problem.ProblemDetails.Errors["iban"]);

        var refused = await ApiRefusals.FilterAsync(context, _ => throw new LifecycleRefusedException("Paid", "Pay", new LocalizedText("l'ordine è già pagato", "the order is already paid")));
        var conflict = Assert.IsType<ProblemHttpResult>(refused);
        Assert.Equal(StatusCodes.Status409Conflict, conflict.StatusCode);
        Assert.Equal("l'ordine è già pagato", conflict.ProblemDetails.Detail);
    }
}
