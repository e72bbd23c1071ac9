using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using TeamsPrevention.Tests.Infrastructure;

namespace TeamsPrevention.Tests.Security;

/// <summary>
/// The old <c>/tab/...</c> links, attacked as anyone may (they answer without a token): no redirect leaves the App's
/// own address, and a crafted segment is a 404, never a server error. The situation route's regex constraint is
/// case-insensitive and its <c>$</c> matches before a final newline, so a lower-case or newline-ended code reached the
/// link builder, which throws on it: 500 for anyone who asked.
/// </summary>
public sealed class OldTabLinkAttackTests
{
    [Theory]
    [InlineData("/tab/situations/k7m-4qx")]
    [InlineData("/tab/situations/K7M-4QX%0A")]
    [InlineData("/tab/situations/K7M-4QX%0D%0ALocation:%20http://evil.example")]
    [InlineData("/tab/situations/%2F%2Fevil.example")]
    [InlineData("/tab/situations/https:%2F%2Fevil.example")]
    [InlineData("/tab/alerts/%2F%2Fevil.example")]
    [InlineData("/tab/alerts/%5C%5Cevil.example")]
    [InlineData("/tab//evil.example")]
    [InlineData("/tab/meetings/https%3A%2F%2Fevil.example")]
    public async Task ACraftedSegmentIsNotFoundAndNeverAServerError(string path)
    {
        using var app = new AppFactory();
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    /// <summary>A GUID in another of .NET's formats is still that GUID: the redirect names it canonically, on the App's address.</summary>
    [Theory]
    [InlineData("/tab/meetings/%7B0b1c2d3e-0000-4000-8000-000000000002%7D")]
    [InlineData("/tab/meetings/(0b1c2d3e-0000-4000-8000-000000000002)")]
    [InlineData("/tab/meetings/0b1c2d3e000040008000000000000002")]
    public async Task AnotherGuidFormatRedirectsOnlyToTheAppsOwnPage(string path)
    {
        using var app = new AppFactory();
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("http://localhost:5080/#/meetings/0b1c2d3e-0000-4000-8000-000000000002", response.Headers.Location?.ToString());
    }
}
