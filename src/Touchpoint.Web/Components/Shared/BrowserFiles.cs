using Microsoft.JSInterop;

namespace Touchpoint.Web.Components.Shared;

/// <summary>
/// Files made for one page (a letter's preview) handed to the browser as blob: URLs, streamed over the circuit: shown
/// in the page (a PDF in a frame) or saved as a download. No server endpoint keeps them for a later request. One per
/// component; disposing it revokes the URLs it made.
/// </summary>
public sealed class BrowserFiles(IJSRuntime js, string modulePath) : IAsyncDisposable
{
    private readonly List<string> _urls = [];
    private IJSObjectReference? _module;

    /// <summary>A blob: URL of the bytes with their content type, for a frame in the page; revoked with <see cref="RevokeAsync"/>.</summary>
    public async Task<string> ObjectUrlAsync(byte[] content, string contentType)
    {
        using var stream = new DotNetStreamReference(new MemoryStream(content));
        var url = await (await ModuleAsync()).InvokeAsync<string>("objectUrl", stream, contentType);
        _urls.Add(url);
        return url;
    }

    public async Task RevokeAsync(string? url)
    {
        if (url is null || !_urls.Remove(url))
        {
            return;
        }
        await (await ModuleAsync()).InvokeVoidAsync("revoke", url);
    }

    /// <summary>Saves the bytes in the browser's downloads under <paramref name="fileName"/>.</summary>
    public async Task DownloadAsync(byte[] content, string fileName)
    {
        using var stream = new DotNetStreamReference(new MemoryStream(content));
        await (await ModuleAsync()).InvokeVoidAsync("download", stream, fileName);
    }

    private async Task<IJSObjectReference> ModuleAsync() =>
        _module ??= await js.InvokeAsync<IJSObjectReference>("import", modulePath);

    public async ValueTask DisposeAsync()
    {
        if (_module is null)
        {
            return;
        }
        try
        {
            foreach (var url in _urls)
            {
                await _module.InvokeVoidAsync("revoke", url);
            }
            await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The page is gone with its circuit, and its URLs with it.
        }
        _urls.Clear();
    }
}
