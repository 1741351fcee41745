namespace Sportello.Billing.Providers;

/// <summary>What became of a provider's notification, as the webhook endpoint answers it.</summary>
public enum NotificationResult
{
    Applied,
    Duplicate,
    BadSignature,
    NotConfigured,

    /// <summary>The provider had to be asked (to verify, to capture) and did not answer: it delivers again later.</summary>
    Unavailable,
}
