// "Back" on a card: to the page the user came from in this tab; a card opened on its own (a new tab, a bookmark) has
// nowhere to go back to, so it goes to the fallback list instead.
export function back(fallback) {
    if (window.history.length > 1) {
        window.history.back();
    } else {
        window.location.assign(fallback);
    }
}
