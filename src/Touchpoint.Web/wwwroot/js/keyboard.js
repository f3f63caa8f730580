// Keyboard rules of the whole app.
// Enter in a look-up field (a MudAutocomplete: template picker, contact and campaign look-ups) takes the offer the
// list has highlighted; it must not also submit the card's form, which would save the card half-filled.
document.addEventListener("keydown", event => {
    if ((event.key === "Enter" || event.key === "NumpadEnter") && event.target instanceof HTMLInputElement
        && event.target.closest(".mud-autocomplete")) {
        event.preventDefault();
    }
}, true);
