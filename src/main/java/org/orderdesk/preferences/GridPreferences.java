package org.orderdesk.preferences;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each clerk's arrangement of each grid and whether its preview pane is shown, by username and
 * grid name. A layout is saved whole: of two tabs of one clerk, the one that saved last wins.
 */
@Service
public class GridPreferences {

    /** Two first saves of one clerk can race on the insert; the loser runs again and updates. */
    private static final int MAX_ATTEMPTS = 3;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    GridPreferences(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * How the clerk left the grid whose columns are {@code columns}, fitted to them (see {@link
     * GridLayout#fittedTo}); the grid's defaults if the clerk never changed it.
     */
    public GridLayout layoutOf(String username, String grid, List<String> columns) {
        List<StoredColumn> stored = jdbc.sql("""
                        select column_key, width, hidden, sort_priority, sort_descending
                          from grid_column_preferences
                         where username = :username and grid = :grid
                         order by column_position""")
                .param("username", username)
                .param("grid", grid)
                .query((rs, row) -> new StoredColumn(
                        new ColumnLayout(rs.getString("column_key"), rs.getString("width"), rs.getBoolean("hidden")),
                        rs.getObject("sort_priority", Integer.class),
                        rs.getBoolean("sort_descending")))
                .list();
        Map<Integer, SortColumn> sort = new TreeMap<>();
        stored.stream()
                .filter(column -> column.sortPriority() != null)
                .forEach(column -> sort.put(
                        column.sortPriority(), new SortColumn(column.layout().key(), column.sortDescending())));
        return new GridLayout(stored.stream().map(StoredColumn::layout).toList(), new ArrayList<>(sort.values()))
                .fittedTo(columns);
    }

    /** Remembers {@code layout} as the clerk's arrangement of the grid, instead of the one before. */
    public void saveLayout(String username, String grid, GridLayout layout) {
        inTransaction(() -> {
            lockRow(username, grid);
            jdbc.sql("delete from grid_column_preferences where username = :username and grid = :grid")
                    .param("username", username)
                    .param("grid", grid)
                    .update();
            List<ColumnLayout> columns = layout.columns();
            for (int position = 0; position < columns.size(); position++) {
                ColumnLayout column = columns.get(position);
                int sortIndex = indexOf(layout.sort(), column.key());
                jdbc.sql("""
                                insert into grid_column_preferences (username, grid, column_key, column_position,
                                       width, hidden, sort_priority, sort_descending)
                                values (:username, :grid, :key, :position, :width, :hidden, :priority, :descending)""")
                        .param("username", username)
                        .param("grid", grid)
                        .param("key", column.key())
                        .param("position", position)
                        .param("width", column.width())
                        .param("hidden", column.hidden())
                        .param("priority", sortIndex < 0 ? null : sortIndex + 1)
                        .param(
                                "descending",
                                sortIndex < 0
                                        ? null
                                        : layout.sort().get(sortIndex).descending())
                        .update();
            }
        });
    }

    /** Whether the clerk last chose to show the grid's preview pane; not before they chose. */
    public boolean isPreviewShown(String username, String grid) {
        return jdbc.sql("select preview_shown from grid_preferences where username = :username and grid = :grid")
                .param("username", username)
                .param("grid", grid)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    public void showPreview(String username, String grid, boolean shown) {
        inTransaction(() -> {
            lockRow(username, grid);
            jdbc.sql("update grid_preferences set preview_shown = :shown where username = :username and grid = :grid")
                    .param("shown", shown)
                    .param("username", username)
                    .param("grid", grid)
                    .update();
        });
    }

    /** Creates the clerk's row for the grid if missing, and locks it until the transaction ends. */
    private void lockRow(String username, String grid) {
        int locked =
                jdbc.sql("""
                        update grid_preferences set preview_shown = preview_shown
                         where username = :username and grid = :grid""").param("username", username).param("grid", grid).update();
        if (locked == 0) {
            jdbc.sql("insert into grid_preferences (username, grid, preview_shown) values (:username, :grid, false)")
                    .param("username", username)
                    .param("grid", grid)
                    .update();
        }
    }

    private void inTransaction(Runnable work) {
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.executeWithoutResult(status -> work.run());
                return;
            } catch (DuplicateKeyException race) {
                if (attempt == MAX_ATTEMPTS) {
                    throw race;
                }
            }
        }
    }

    private static int indexOf(List<SortColumn> sort, String key) {
        for (int i = 0; i < sort.size(); i++) {
            if (sort.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private record StoredColumn(
            ColumnLayout layout, @Nullable Integer sortPriority, boolean sortDescending) {}
}
