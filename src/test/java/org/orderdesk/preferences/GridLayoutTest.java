package org.orderdesk.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GridLayoutTest {

    @Test
    void aWidthThatIsNotACssLengthIsForgotten() {
        assertThat(new ColumnLayout("total", "153px", false).width()).isEqualTo("153px");
        assertThat(new ColumnLayout("total", "7.5rem", false).width()).isEqualTo("7.5rem");
        assertThat(new ColumnLayout("total", "calc(1px + 2px)", false).width()).isNull();
        assertThat(new ColumnLayout("total", "12px; color: red", false).width()).isNull();
    }

    @Test
    void aLayoutNamingAColumnTwiceKeepsItsFirstPlace() {
        GridLayout twice = new GridLayout(
                List.of(
                        new ColumnLayout("b", "10px", false),
                        new ColumnLayout("a", null, false),
                        new ColumnLayout("b", "20px", true)),
                List.of(new SortColumn("a", false), new SortColumn("a", true)));

        assertThat(twice.fittedTo(List.of("a", "b")))
                .isEqualTo(new GridLayout(
                        List.of(new ColumnLayout("b", "10px", false), new ColumnLayout("a", null, false)),
                        List.of(new SortColumn("a", false))));
    }
}
