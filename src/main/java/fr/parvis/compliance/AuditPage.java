package fr.parvis.compliance;

import java.util.List;

/** A page of audit entries, most recent first. */
public record AuditPage(List<AuditEntryView> entries, int page, int size, long total) {

    public int totalPages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
