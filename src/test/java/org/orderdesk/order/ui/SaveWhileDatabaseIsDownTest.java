package org.orderdesk.order.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.orderdesk.StoppableDatabase;
import org.orderdesk.StoppableH2;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A save while the database is away tells the clerk so, keeps every value, and works once it is back. */
@ExtendWith(OutputCaptureExtension.class)
class SaveWhileDatabaseIsDownTest extends EditorTest {

    static final StoppableDatabase database = new StoppableH2();

    @DynamicPropertySource
    static void useTheStoppableDatabase(DynamicPropertyRegistry properties) {
        database.register(properties);
    }

    @AfterAll
    static void stopTheDatabase() {
        database.stop();
    }

    @Test
    void theClerkIsToldInWordsKeepsTheirValuesAndSavesOnceTheDatabaseIsBack(CapturedOutput log) {
        OrderEditorView editor = edit(221);
        test(notes()).setValue("Call before delivery");
        test(field("Customer")).setValue("Nordwind Traders");

        database.stop();
        try {
            click("Save");
        } finally {
            database.start();
        }

        assertThat(lastNotice())
                .isEqualTo("Could not save: the database did not answer. Your changes are kept; try again.");
        assertThat(notes().getValue()).isEqualTo("Call before delivery");
        assertThat(field("Customer").getValue()).isEqualTo("Nordwind Traders");
        assertThat(getCurrentView()).isSameAs(editor);
        assertThat(log.getOut().split("Could not save order 221", -1)).hasSize(2);

        // The pool drops the connections that broke; once the database answers again, the editor
        // holds its lock again and Save works.
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> stored(221) != null);
        await().atMost(Duration.ofSeconds(10)).pollInSameThread().untilAsserted(() -> {
            deliverPushes();
            assertThat(lockStatus()).startsWith("You are editing");
        });
        click("Save");

        assertThat(lastNotice()).startsWith("Saved order");
        assertThat(stored(221).getNotes()).isEqualTo("Call before delivery");
        assertThat(stored(221).getCustomer()).isEqualTo("Nordwind Traders");
    }
}
