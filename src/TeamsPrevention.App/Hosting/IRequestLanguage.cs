using TeamsPrevention.App.Cards;

namespace TeamsPrevention.App.Hosting;

/// <summary>
/// The language of the person making the request, for what Hosting answers by itself (a request that does not bind).
/// The directory implements it (the person's preferred language); French when nobody is known.
/// </summary>
public interface IRequestLanguage
{
    Task<UserLanguage> OfAsync(HttpContext context, CancellationToken cancellationToken);
}
