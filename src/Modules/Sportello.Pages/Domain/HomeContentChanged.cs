using Sportello.Core.Events;

namespace Sportello.Pages.Domain;

public sealed record HomeContentChanged(string Headline) : IDomainEvent;
