import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.warta.ingest.ItemDraft;
import dev.warta.poll.FeedParser;
import dev.warta.poll.FeedReadException;
import dev.warta.poll.ParsedFeed;

/**
 * Runs Warta's FeedParser over directories of test feeds (a peer's corpus) and sorts every file into read, refused
 * (a FeedReadException, the only exception the parser may throw) and crashed (anything else, listed with its stack).
 *
 * <p>Usage: java -cp CLASSPATH CorpusRun.java [--items FILE.jsonl] DIR... ({@code corpus-run.sh} sets the classpath).
 * Files ending in .xml or .json are read. A "Header: Content-Type: …" line in a leading comment (feedparser's test
 * files state the HTTP header they are served with that way) gives the media type and charset, as an HTTP answer
 * would. Each file is read as if fetched from {@code http://127.0.0.1:8097/<dir name>/<path>}, the address
 * feedparser's own test server gives it. With --items, every file's outcome and items go to FILE as JSON lines, for
 * {@code corpus_expect.py}.
 */
public class CorpusRun {

    private static final Pattern CONTENT_TYPE = Pattern.compile("(?im)^Header:\\s*Content-type:\\s*([^\\r\\n]+)");
    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)");
    // Far enough ahead that no stated date is clamped to it.
    private static final Instant NOW = Instant.parse("2100-01-01T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws IOException {
        Path items = null;
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--items")) {
                items = Path.of(args[++i]);
            } else {
                dirs.add(Path.of(args[i]));
            }
        }
        if (dirs.isEmpty()) {
            System.err.println("usage: CorpusRun [--items FILE.jsonl] DIR...");
            System.exit(2);
        }
        FeedParser parser = new FeedParser();
        int[] total = new int[3];
        List<String> crashes = new ArrayList<>();
        try (PrintWriter out = items == null ? null : new PrintWriter(Files.newBufferedWriter(items, StandardCharsets.UTF_8))) {
            for (Path dir : dirs) {
                int[] counts = new int[3];
                for (Path file : files(dir)) {
                    Map<String, Object> line = readOne(parser, dir, file, counts, crashes);
                    if (out != null) {
                        out.println(JSON.writeValueAsString(line));
                    }
                }
                System.out.printf("%-60s files=%d read=%d refused=%d crashed=%d%n", dir, counts[0] + counts[1] + counts[2],
                        counts[0], counts[1], counts[2]);
                for (int i = 0; i < 3; i++) {
                    total[i] += counts[i];
                }
            }
        }
        crashes.forEach(System.out::println);
        System.out.printf("total files=%d read=%d refused=%d crashed=%d (target: crashed=0)%n", total[0] + total[1] + total[2],
                total[0], total[1], total[2]);
        System.exit(total[2] == 0 ? 0 : 1);
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".xml") || p.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static Map<String, Object> readOne(FeedParser parser, Path dir, Path file, int[] counts, List<String> crashes)
            throws IOException {
        byte[] body = Files.readAllBytes(file);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("file", file.toString());
        String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.ISO_8859_1);
        Optional<String> contentType = match(CONTENT_TYPE, head);
        Optional<String> mediaType = contentType.map(t -> t.split(";")[0].strip().toLowerCase(Locale.ROOT));
        Optional<Charset> charset = contentType.flatMap(t -> match(CHARSET, t)).flatMap(CorpusRun::charset);
        URI url = URI.create("http://127.0.0.1:8097/" + dir.getFileName() + "/"
                + dir.relativize(file).toString().replace('\\', '/'));
        try {
            ParsedFeed feed = parser.parse(body, charset, mediaType, url, NOW);
            counts[0]++;
            line.put("outcome", "read");
            line.put("format", feed.format());
            line.put("items", feed.items().stream().map(CorpusRun::item).toList());
        } catch (FeedReadException e) {
            counts[1]++;
            line.put("outcome", "refused");
            line.put("error", e.getMessage());
        } catch (RuntimeException | Error e) {
            counts[2]++;
            line.put("outcome", "crashed");
            StringWriter stack = new StringWriter();
            e.printStackTrace(new PrintWriter(stack));
            line.put("error", stack.toString());
            crashes.add("CRASH " + file + "\n" + stack.toString().lines().limit(8).reduce((a, b) -> a + "\n" + b).orElse(""));
        }
        return line;
    }

    private static Map<String, Object> item(ItemDraft item) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", item.title());
        m.put("link", item.link());
        m.put("author", item.author());
        m.put("summary", item.summary());
        m.put("published", item.publishedAt().equals(NOW) ? null : item.publishedAt().toString());
        m.put("updated", item.updatedAt().equals(NOW) ? null : item.updatedAt().toString());
        return m;
    }

    private static Optional<String> match(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group(1).strip()) : Optional.empty();
    }

    private static Optional<Charset> charset(String name) {
        try {
            return Optional.of(Charset.forName(name));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
