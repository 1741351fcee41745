namespace Sportello.Core.Messaging;

/// <summary>
/// Text messages (SMS) to a mobile number: confirmation codes and short notices. One gateway for the platform,
/// configured under <c>Sportello:TextMessages</c>; tenants never choose where these go.
/// </summary>
public interface ITextMessages
{
    /// <summary>Hands the message to the gateway; throws <see cref="TextMessageDeliveryException"/> when it refuses or does not answer.</summary>
    Task SendAsync(TextMessage message, CancellationToken ct = default);
}

/// <summary>A message to one number in E.164 (+393471234567), from the tenant's sender name.</summary>
public sealed record TextMessage(string To, string Text, string From);

/// <summary>The gateway refused the message or could not be reached; nothing is known to have been sent.</summary>
public sealed class TextMessageDeliveryException(string message, Exception? inner = null) : Exception(message, inner);
