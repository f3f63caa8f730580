// Keyboard rules of the whole app.
// Enter in a look-up field (a MudAutocomplete: template picker, contact and campaign look-ups) takes the offer the
// list has highlighted, and in a drop-down (a MudSelect: evaluation, salesperson) opens or takes its choice; it must not
// also submit the card's form, which would save the card half-filled, or finish the quick dialog.
document.addEventListener("keydown", event => {
    if ((event.key === "Enter" || event.key === "NumpadEnter") && event.target instanceof HTMLInputElement
        && event.target.closest(".mud-autocomplete, .mud-select")) {
        event.preventDefault();
    }
}, true);

// Ctrl+Enter in a form's text area (the quick dialog's comment) finishes the form, as Enter does in its one-line fields;
// Enter alone stays a new line. A form without an enabled submit button is not submitted.
document.addEventListener("keydown", event => {
    if ((event.key === "Enter" || event.key === "NumpadEnter") && (event.ctrlKey || event.metaKey)
        && event.target instanceof HTMLTextAreaElement && event.target.form) {
        event.preventDefault();
        const form = event.target.form;
        const submit = form.querySelector("[type=submit]") ?? (form.id ? document.querySelector(`[type=submit][form="${form.id}"]`) : null);
        if (submit && !submit.disabled) {
            form.requestSubmit(submit);
        }
    }
}, true);

// The global search (BC's "Tell me"): Alt+Q as in BC, Ctrl+K (Cmd+K on a Mac) as in modern apps, anywhere in the app,
// also while typing in a field. It presses the app bar's search button, which opens the search box; by the key's
// place (event.code), so that it works with any keyboard layout (Alt+Q is Alt+Й on a Russian one).
document.addEventListener("keydown", event => {
    const ctrlK = (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.code === "KeyK";
    const altQ = event.altKey && !event.ctrlKey && !event.metaKey && event.code === "KeyQ";
    if (!ctrlK && !altQ) {
        return;
    }
    const button = document.querySelector("[data-global-search]");
    if (button) {
        event.preventDefault();
        button.click();
    }
});

// In the search box the arrows move through the results (the box handles them), not the caret to the text's ends.
document.addEventListener("keydown", event => {
    if ((event.key === "ArrowDown" || event.key === "ArrowUp") && event.target instanceof HTMLInputElement
        && event.target.closest(".tp-search-input")) {
        event.preventDefault();
    }
}, true);
