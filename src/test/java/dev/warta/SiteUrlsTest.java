package dev.warta;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SiteUrlsTest {

    final SiteUrls urls = SiteUrls.at("https://warta.example.id/warta");

    @Test
    void pagesAndFeedsLiveUnderTheBase() {
        assertThat(urls.home()).isEqualTo("https://warta.example.id/warta/");
        assertThat(urls.topicPage("belarus")).isEqualTo("https://warta.example.id/warta/topics/belarus");
        assertThat(urls.entryPage(7)).isEqualTo("https://warta.example.id/warta/entries/7");
        assertThat(urls.feed(null, FeedFormat.RSS)).isEqualTo("https://warta.example.id/warta/feeds/all.rss");
        assertThat(urls.feed("belarus", FeedFormat.JSON)).isEqualTo("https://warta.example.id/warta/feeds/topics/belarus.json");
        assertThat(urls.opml()).isEqualTo("https://warta.example.id/warta/feeds.opml");
        assertThat(urls.hub()).isEqualTo("https://warta.example.id/warta/websub");
    }

    @Test
    void theBaseOfAFeedAddressIsWhatComesBeforeFeeds() {
        assertThat(SiteUrls.baseOfFeed(urls.feed("belarus", FeedFormat.ATOM))).contains("https://warta.example.id/warta");
        assertThat(SiteUrls.baseOfFeed("https://warta.example.id/topics/belarus")).isEmpty();
    }
}
