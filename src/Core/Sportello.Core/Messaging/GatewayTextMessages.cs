using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Sportello.Core.Messaging;

/// <summary>
/// Posts each message to the configured gateway. Without one, a development machine writes the message to the log
/// (so the demo's codes can be read there) and any other environment refuses, so a missing setting is never a
/// silent loss.
/// </summary>
internal sealed class GatewayTextMessages(HttpClient http, IOptions<TextMessageOptions> options, IHostEnvironment environment, ILogger<GatewayTextMessages> log)
    : ITextMessages
{
    public const string ClientName = "sportello-text-messages";

    public async Task SendAsync(TextMessage message, CancellationToken ct = default)
    {
        var settings = options.Value;
        if (settings.Gateway is null)
        {
            if (!environment.IsDevelopment())
            {
                throw new TextMessageDeliveryException("No SMS gateway is configured (Sportello:TextMessages:Gateway).");
            }

            log.LogWarning("No SMS gateway configured: message from {From} to {To}: {Text}", message.From, message.To, message.Text);
            return;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Gateway)
        {
            Content = JsonContent.Create(new { from = message.From, to = message.To, text = message.Text }),
        };
        if (!string.IsNullOrEmpty(settings.ApiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
        }

        try
        {
            using var response = await http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new TextMessageDeliveryException($"The SMS gateway answered {(int)response.StatusCode}.");
            }
        }
        catch (Exception failed) when (!ct.IsCancellationRequested
            && failed is HttpRequestException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException)
        {
            throw new TextMessageDeliveryException("The SMS gateway could not be reached.", failed);
        }
    }
}
