// The contact timeline's infinite scroll: when the end of the list comes into view, the component loads the next page.
// A module imported by the component (no inline script, so the CSP allows it); the "Load more" button stays for the
// keyboard and for browsers without IntersectionObserver.

const observers = new WeakMap();

export function observe(sentinel, component) {
    if (!sentinel || !("IntersectionObserver" in window)) {
        return;
    }
    disconnect(sentinel);
    let loading = false;
    const observer = new IntersectionObserver(async entries => {
        if (loading || !entries.some(e => e.isIntersecting)) {
            return;
        }
        loading = true;
        let more;
        try {
            more = await component.invokeMethodAsync("LoadMoreAsync");
        } catch {
            // The page went away with its circuit; nothing to load into.
            return;
        } finally {
            loading = false;
        }
        // A short page leaves the end in view without a new crossing: looking again loads the next one. At the end of
        // the feed nothing is asked again (the component observes anew when it reloads).
        if (!more) {
            return;
        }
        observer.unobserve(sentinel);
        observer.observe(sentinel);
    }, { rootMargin: "0px 0px 400px 0px" });
    observer.observe(sentinel);
    observers.set(sentinel, observer);
}

export function disconnect(sentinel) {
    if (sentinel) {
        observers.get(sentinel)?.disconnect();
        observers.delete(sentinel);
    }
}
