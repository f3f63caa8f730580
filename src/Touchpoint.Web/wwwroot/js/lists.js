// Whether the screen is as narrow as a phone's (the lists' CSS breakpoint), and a call to the component when that
// changes (a phone turned, a window resized): the lists render a phone's two-line items only there. A module imported
// by the component, so the CSP allows it.

const narrow = "(max-width: 599.98px)";
const listeners = new WeakMap();

export function watch(component) {
    const media = window.matchMedia(narrow);
    const listener = e => component.invokeMethodAsync("NarrowChanged", e.matches).catch(() => { });
    media.addEventListener("change", listener);
    listeners.set(component, () => media.removeEventListener("change", listener));
    return media.matches;
}

export function unwatch(component) {
    listeners.get(component)?.();
    listeners.delete(component);
}
