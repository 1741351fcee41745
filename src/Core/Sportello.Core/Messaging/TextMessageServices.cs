using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace Sportello.Core.Messaging;

internal static class TextMessageServices
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TextMessageOptions>().Bind(configuration.GetSection(TextMessageOptions.Section));
        services.AddHttpClient<ITextMessages, GatewayTextMessages>(GatewayTextMessages.ClientName)
            // A retried POST could text the same code twice: retries only for requests that change nothing.
            .AddStandardResilienceHandler(o => o.Retry.DisableForUnsafeHttpMethods());
    }
}
