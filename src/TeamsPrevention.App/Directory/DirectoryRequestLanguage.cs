using TeamsPrevention.App.Cards;
using TeamsPrevention.App.Hosting;

namespace TeamsPrevention.App.Directory;

/// <summary>The signed-in person's preferred language, as the directory records it (French for anyone unknown).</summary>
internal sealed class DirectoryRequestLanguage(CurrentPerson current) : IRequestLanguage
{
    public async Task<UserLanguage> OfAsync(HttpContext context, CancellationToken cancellationToken) =>
        Languages.FromTag((await current.GetAsync(context.User, cancellationToken))?.PreferredLanguage);
}
