package dev.warta.entry;

import java.util.List;

/**
 * One page of entries in feed order, and where the pages next to it start: {@code older} is the cursor of the next
 * page's {@code before=} (null on the last page), {@code newer} that of the previous page's {@code after=} (null on
 * the first page).
 */
public record EntryList(List<Entry> entries, Cursor older, Cursor newer) {
}
