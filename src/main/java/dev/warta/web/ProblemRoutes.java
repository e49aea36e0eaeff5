package dev.warta.web;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.warta.ProblemException;
import dev.warta.SiteUrls;
import io.quarkus.logging.Log;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Problems of the Vert.x routes (the feeds and the HTML pages, served on the event loop outside JAX-RS): a route fails
 * its context with a {@link ProblemException} and this failure handler answers, through the same
 * {@link ProblemStatus} table as {@link ProblemMapper}. Feeds are public and read cross-origin, so their
 * errors are too.
 */
@ApplicationScoped
public class ProblemRoutes {

    private final ObjectMapper json;

    ProblemRoutes(ObjectMapper json) {
        this.json = json;
    }

    void register(@Observes Router router) {
        for (String path : new String[] { SiteUrls.FEEDS + "*", SiteUrls.OPML, "/", SiteUrls.TOPIC_PAGES + "*",
                SiteUrls.ENTRY_PAGES + "*", SiteUrls.SITEMAP, SiteUrls.NEWS_SITEMAP, SiteUrls.ROBOTS }) {
            router.route(path).order(-101).failureHandler(this::fail);
        }
    }

    void fail(RoutingContext ctx) {
        ProblemException problem;
        if (ctx.failure() instanceof ProblemException p) {
            problem = p;
        } else {
            Log.error("A feed or page request failed", ctx.failure());
            problem = ProblemException.internal("Warta could not answer this request; the error is in its log.");
        }
        HttpServerResponse response = ctx.response();
        if (response.ended()) {
            return;
        }
        try {
            byte[] body = json.writeValueAsBytes(ProblemStatus.body(problem, ctx.request().path()));
            response.setStatusCode(ProblemStatus.of(problem))
                    .putHeader(HttpHeaders.CONTENT_TYPE, ProblemMapper.PROBLEM_JSON)
                    .putHeader("Access-Control-Allow-Origin", "*");
            for (Map.Entry<String, String> h : ProblemStatus.headers(problem).entrySet()) {
                response.putHeader(h.getKey(), h.getValue());
            }
            if (ctx.request().method() == HttpMethod.HEAD) {
                response.putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(body.length)).end();
            } else {
                response.end(Buffer.buffer(body));
            }
        } catch (JsonProcessingException e) {
            response.setStatusCode(500).end();
        }
    }
}
