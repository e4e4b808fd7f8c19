package org.orderdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orderdesk.ui.Formats;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A countdown reads the same whether the server wrote it or the browser counted it down: the
 * page's one format function gives the server's text for every remaining time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CountdownBrowserIT extends BrowserTest {

    private static final List<Integer> REMAINING_MS = List.of(
            -61_000,
            -1_000,
            -1,
            0,
            1,
            999,
            1_000,
            1_001,
            9_500,
            59_000,
            59_001,
            60_000,
            60_001,
            61_999,
            119_000,
            599_999,
            3_600_000,
            3_600_001,
            86_399_000);

    @Test
    void theBrowsersCountdownFormatMatchesTheServersForEveryRemainingTime() {
        Page page = browser.newClerkWindow();
        opened.add(page.context());
        page.navigate(url("/login"));
        page.addScriptTag(new Page.AddScriptTagOptions().setUrl(url("/js/od-countdown.js")));

        @SuppressWarnings("unchecked")
        List<String> browserTexts =
                (List<String>) page.evaluate("ms => ms.map(window.orderdesk.countdown.format)", REMAINING_MS);

        List<String> serverTexts = REMAINING_MS.stream()
                .map(ms -> Formats.countdown(Duration.ofMillis(ms)))
                .toList();
        assertThat(browserTexts).isEqualTo(serverTexts);
    }
}
