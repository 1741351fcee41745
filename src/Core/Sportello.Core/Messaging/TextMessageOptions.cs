namespace Sportello.Core.Messaging;

/// <summary>The platform's SMS gateway: a JSON endpoint taking <c>{ from, to, text }</c> with a bearer key.</summary>
public sealed class TextMessageOptions
{
    public const string Section = "Sportello:TextMessages";

    /// <summary>Where messages are posted; unset, messages are written to the log instead (development only).</summary>
    public Uri? Gateway { get; set; }

    public string? ApiKey { get; set; }
}
