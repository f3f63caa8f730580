// Files made on the server for this page only (a letter's preview), handed to the browser as blob: URLs: nothing is
// stored on the server for a later request, and the URL dies with the page.

export async function objectUrl(stream, contentType) {
    const buffer = await stream.arrayBuffer();
    return URL.createObjectURL(new Blob([buffer], { type: contentType }));
}

export function revoke(url) {
    if (url) {
        URL.revokeObjectURL(url);
    }
}

// Saved as a download, never opened in the app's origin: the bytes go as application/octet-stream.
export async function download(stream, fileName) {
    const url = await objectUrl(stream, "application/octet-stream");
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
}
