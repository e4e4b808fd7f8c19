package org.orderdesk.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each clerk's grid layouts and preview choice, read back as saved, on any node. Each database
 * runs it through a subclass that only says which database. Every test uses a grid of its own.
 */
abstract class GridPreferencesContract {

    private static final List<String> COLUMNS = List.of("number", "customer", "status", "total");

    @Autowired
    GridPreferences preferences;

    private String grid;

    @BeforeEach
    void aGridOfItsOwn() {
        grid = "grid-" + UUID.randomUUID();
    }

    @Test
    void aClerkWhoNeverChangedTheGridGetsItsDefaults() {
        assertThat(preferences.layoutOf("alice", grid, COLUMNS)).isEqualTo(GridLayout.defaultOf(COLUMNS));
        assertThat(preferences.isPreviewShown("alice", grid)).isFalse();
    }

    @Test
    void aSavedLayoutIsReadBackWithItsOrderWidthsHiddenColumnsAndSort() {
        GridLayout arranged = new GridLayout(
                List.of(
                        new ColumnLayout("customer", "240px", false),
                        new ColumnLayout("number", null, false),
                        new ColumnLayout("total", "7.5rem", false),
                        new ColumnLayout("status", null, true)),
                List.of(new SortColumn("total", true), new SortColumn("customer", false)));

        preferences.saveLayout("alice", grid, arranged);

        assertThat(preferences.layoutOf("alice", grid, COLUMNS)).isEqualTo(arranged);
    }

    @Test
    void aLaterSaveReplacesTheWholeLayout() {
        preferences.saveLayout("alice", grid, layout("status", "customer", "number", "total"));
        GridLayout later =
                new GridLayout(GridLayout.defaultOf(COLUMNS).columns(), List.of(new SortColumn("number", true)));

        preferences.saveLayout("alice", grid, later);

        assertThat(preferences.layoutOf("alice", grid, COLUMNS)).isEqualTo(later);
    }

    @Test
    void eachClerkKeepsTheirOwnLayoutAndPreviewChoice() {
        GridLayout alices = layout("total", "number", "customer", "status");
        preferences.saveLayout("alice", grid, alices);
        preferences.showPreview("alice", grid, true);

        GridLayout bobs = new GridLayout(
                List.of(new ColumnLayout("number", "300px", true)), List.of(new SortColumn("status", false)));
        preferences.saveLayout("bob", grid, bobs);

        assertThat(preferences.layoutOf("alice", grid, COLUMNS)).isEqualTo(alices);
        assertThat(preferences.isPreviewShown("alice", grid)).isTrue();
        assertThat(preferences.layoutOf("bob", grid, COLUMNS).columns().getFirst())
                .isEqualTo(new ColumnLayout("number", "300px", true));
        assertThat(preferences.isPreviewShown("bob", grid)).isFalse();
        assertThat(preferences.layoutOf("carol", grid, COLUMNS)).isEqualTo(GridLayout.defaultOf(COLUMNS));
    }

    @Test
    void theLayoutAndThePreviewChoiceAreKeptApart() {
        GridLayout arranged = layout("customer", "number", "status", "total");
        preferences.saveLayout("alice", grid, arranged);

        preferences.showPreview("alice", grid, true);
        preferences.showPreview("alice", grid, false);
        preferences.showPreview("alice", grid, true);

        assertThat(preferences.isPreviewShown("alice", grid)).isTrue();
        assertThat(preferences.layoutOf("alice", grid, COLUMNS)).isEqualTo(arranged);
        preferences.saveLayout("alice", grid, GridLayout.defaultOf(COLUMNS));
        assertThat(preferences.isPreviewShown("alice", grid)).isTrue();
    }

    @Test
    void aStoredColumnTheGridNoLongerHasIsIgnoredAndANewColumnKeepsItsDefaults() {
        preferences.saveLayout(
                "alice",
                grid,
                new GridLayout(
                        List.of(
                                new ColumnLayout("customer", "200px", false),
                                new ColumnLayout("client", "999px", true),
                                new ColumnLayout("number", null, false),
                                new ColumnLayout("status", null, true)),
                        List.of(new SortColumn("client", true), new SortColumn("customer", true))));
        List<String> renamed = List.of("number", "customer", "status", "total");

        GridLayout fitted = preferences.layoutOf("alice", grid, renamed);

        assertThat(fitted)
                .isEqualTo(new GridLayout(
                        List.of(
                                new ColumnLayout("customer", "200px", false),
                                new ColumnLayout("number", null, false),
                                new ColumnLayout("status", null, true),
                                new ColumnLayout("total", null, false)),
                        List.of(new SortColumn("customer", true))));
    }

    /** Two tabs of one clerk, and more, saving at the same moment: each save is whole, none fails. */
    @Test
    void concurrentSavesOfOneClerkLeaveOneWholeLayout() throws Exception {
        List<GridLayout> layouts = IntStream.range(0, 16)
                .mapToObj(i -> new GridLayout(
                        COLUMNS.stream()
                                .map(key -> new ColumnLayout(key, (100 + i) + "px", i % 2 == 0))
                                .toList(),
                        List.of(new SortColumn(COLUMNS.get(i % COLUMNS.size()), i % 3 == 0))))
                .toList();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> saves = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(layouts.size())) {
            for (GridLayout layout : layouts) {
                saves.add(threads.submit(() -> {
                    start.await();
                    preferences.saveLayout("alice", grid, layout);
                    preferences.showPreview("alice", grid, true);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> save : saves) {
                save.get();
            }
        }

        assertThat(layouts).contains(preferences.layoutOf("alice", grid, COLUMNS));
        assertThat(preferences.isPreviewShown("alice", grid)).isTrue();
    }

    private static GridLayout layout(String... order) {
        return GridLayout.defaultOf(List.of(order));
    }
}
