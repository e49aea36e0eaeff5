package dev.warta.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.warta.entry.EntryRepository;
import dev.warta.entry.EntryRow;
import dev.warta.entry.EntryUpdate;

/**
 * Where entries are inserted and updated, for every kind of draft: new rows get their ids from {@link EntryIds}
 * here, in the order given (so a related stub written before its article gets the lower id), and every row goes
 * through {@link EntryRepository}'s one insert and one update statement.
 */
@ApplicationScoped
class EntryWriter {

    /** Rows with the ids they were given, and the ids actually written (the others met a unique key held). */
    record Inserted(List<EntryRow> rows, Set<Long> written) {
        boolean written(EntryRow row) {
            return written.contains(row.id());
        }
    }

    private final EntryIds ids;
    private final EntryRepository entries;

    EntryWriter(EntryIds ids, EntryRepository entries) {
        this.ids = ids;
        this.entries = entries;
    }

    Inserted insert(List<EntryRow> rows) {
        List<Long> given = ids.take(rows.size());
        List<EntryRow> numbered = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            numbered.add(rows.get(i).withId(given.get(i)));
        }
        return new Inserted(numbered, entries.insert(numbered));
    }

    /** Inserts a row that must be written; when a concurrent writer holds its key, the transaction runs again. */
    EntryRow insertOne(EntryRow row) {
        Inserted inserted = insert(List.of(row));
        EntryRow numbered = inserted.rows().get(0);
        if (!inserted.written(numbered)) {
            throw new IngestTransaction.LostRace("a concurrent writer stored \"" + row.title() + "\" first");
        }
        return numbered;
    }

    Set<Long> update(List<EntryUpdate> updates) {
        return entries.update(updates);
    }

    /** Updates a row that must be written; when a concurrent writer changed it since it was read, the transaction runs again. */
    void updateOne(EntryUpdate update) {
        if (entries.update(List.of(update)).isEmpty()) {
            throw new IngestTransaction.LostRace("entry " + update.row().id() + " changed while it was being written");
        }
    }
}
