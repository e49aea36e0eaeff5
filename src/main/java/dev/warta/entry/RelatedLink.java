package dev.warta.entry;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One "Baca juga" line of an article: its title, its address if known, and the entry it names. */
@Entity
@Table(name = "related_link")
@IdClass(RelatedLink.Key.class)
public class RelatedLink extends PanacheEntityBase {

    @Id
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "entry_id")
    public Entry entry;

    @Id
    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public String title;

    public String url;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "target_entry_id")
    public Entry target;

    public static class Key implements Serializable {
        public Long entry;
        public int position;

        public Key() {
        }

        public Key(Long entry, int position) {
            this.entry = entry;
            this.position = position;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(entry, k.entry) && position == k.position;
        }

        @Override
        public int hashCode() {
            return Objects.hash(entry, position);
        }
    }
}
