using Sportello.Core.Text;

namespace Sportello.Billing.Domain;

/// <summary>A refusal in the reader's language (Italian unless they read English), for messages the domain writes.</summary>
internal static class BillingText
{
    public static string Of(string italian, string english) => new LocalizedText(italian, english).ToString();
}
