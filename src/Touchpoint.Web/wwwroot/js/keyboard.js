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
