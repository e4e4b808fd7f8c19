/*
 * <od-countdown end="…"> shows the time left until "end" (epoch milliseconds by the server's
 * clock) as "1:42", counting down in the browser without a round trip per second. The server
 * tells the page its clock once (orderdesk.countdown.syncClock), so a wrong browser clock does not
 * matter. The element owns its text: templates must leave it empty. Other scripts format their
 * countdowns with orderdesk.countdown.format, so every countdown on the page reads alike.
 * A static resource: the app has no npm frontend bundle.
 */
(function () {
    const orderdesk = (window.orderdesk = window.orderdesk || {});
    if (orderdesk.countdown) {
        return;
    }
    /** The server's clock minus the browser's. */
    let offset = 0;
    const shown = new Set();

    /** The one countdown format, the same rule as the server's Formats.countdown (checked in CountdownBrowserIT). */
    function format(ms) {
        const seconds = Math.max(0, Math.ceil(ms / 1000));
        return Math.floor(seconds / 60) + ':' + String(seconds % 60).padStart(2, '0');
    }

    function render(element) {
        const end = Number(element.getAttribute('end') || NaN);
        element.textContent = Number.isFinite(end) ? format(end - (Date.now() + offset)) : '';
    }

    class Countdown extends HTMLElement {
        static get observedAttributes() {
            return ['end'];
        }

        connectedCallback() {
            shown.add(this);
            render(this);
        }

        disconnectedCallback() {
            shown.delete(this);
        }

        attributeChangedCallback() {
            if (this.isConnected) {
                render(this);
            }
        }
    }

    customElements.define('od-countdown', Countdown);
    setInterval(() => shown.forEach(render), 250);

    orderdesk.countdown = {
        format,
        syncClock(serverNowMs) {
            offset = serverNowMs - Date.now();
            shown.forEach(render);
        },
    };
})();
