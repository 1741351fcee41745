using System.Reflection;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Sportello.Core.Web;

/// <summary>
/// A form field posted empty binds to "" rather than null when the property is a non-nullable string, so no page
/// trips over a null it declared impossible (a 500 on an empty form). Properties declared <c>string?</c> keep
/// MVC's null for an empty field.
/// </summary>
internal sealed class EmptyStringsStayEmpty : IDisplayMetadataProvider
{
    public void CreateDisplayMetadata(DisplayMetadataProviderContext context)
    {
        if (context.Key.ModelType == typeof(string)
            && context.Key.PropertyInfo is { } property
            // A context per call: NullabilityInfoContext is not thread-safe, and MVC caches the metadata anyway.
            && new NullabilityInfoContext().Create(property).WriteState == NullabilityState.NotNull)
        {
            context.DisplayMetadata.ConvertEmptyStringToNull = false;
        }
    }
}
