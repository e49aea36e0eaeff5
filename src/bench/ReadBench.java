import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import dev.warta.poll.FeedParser;
import dev.warta.poll.ParsedFeed;

/**
 * Warta's feed-reading throughput: FeedParser (Rome through an InputSource) on one file, after a warm-up.
 * Run with the application's classpath: java -cp "target/quarkus-app/lib/main/*:target/classes" ReadBench.java FILE
 * Prints "entries_per_second=<n>".
 */
public class ReadBench {
    public static void main(String[] args) throws Exception {
        byte[] body = Files.readAllBytes(Path.of(args[0]));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        FeedParser parser = new FeedParser();
        URI url = URI.create("https://besar.example.com/rss.xml");
        int entries = 0;
        for (int i = 0; i < 50; i++) {
            entries = parser.parse(body, Optional.empty(), Optional.of("application/rss+xml"), url, Instant.now()).items().size();
        }
        long start = System.nanoTime();
        long total = 0;
        for (int i = 0; i < rounds; i++) {
            ParsedFeed feed = parser.parse(body, Optional.empty(), Optional.of("application/rss+xml"), url, Instant.now());
            total += feed.items().size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("entries_per_feed=%d rounds=%d seconds=%.3f entries_per_second=%.0f%n", entries, rounds, seconds,
                total / seconds);
    }
}
