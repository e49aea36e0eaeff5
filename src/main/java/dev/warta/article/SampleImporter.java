package dev.warta.article;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.warta.WartaConfig;
import dev.warta.entry.EntryRepository;
import dev.warta.ingest.IngestResult;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * With {@code warta.samples.import-on-start} (on in dev mode), imports the bundled Tribunnews article into
 * an empty database so a fresh {@code ./mvnw quarkus:dev} has a feed to show.
 */
@ApplicationScoped
class SampleImporter {

    static final String SAMPLE = "samples/tribunnews-2022-12-19-putin-kunjungi-belarusia.txt";

    void onStart(@Observes StartupEvent event, WartaConfig config, EntryRepository entries, ArticleService articles) {
        if (!config.samples().importOnStart()) {
            return;
        }
        long existing = QuarkusTransaction.requiringNew().call(entries::count);
        if (existing > 0) {
            Log.debugf("Sample import skipped: the database already holds %d entries", existing);
            return;
        }
        IngestResult result = articles.publish(new ArticleInput.Text(read(SAMPLE), null), ArticleService.Overrides.NONE).result();
        Log.infof("Imported the sample article as entry %d", result.entryId());
    }

    static String read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
