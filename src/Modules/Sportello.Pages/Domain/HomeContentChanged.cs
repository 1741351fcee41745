using Sportello.Core.Events;

namespace Sportello.Pages.Domain;

[DomainEvent("pages.home-content-changed")]
public sealed record HomeContentChanged(string Headline) : IDomainEvent;
