package dev.warta.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code ~stem} rules (stemmed in Java) and search (stemmed by PostgreSQL's {@code indonesian}) must put the
 * same words together; the test database is asked for its stems of a list of news words.
 */
@QuarkusTest
class StemAgreementTest {

    static final List<String> WORDS = List.of("serang", "serangan", "diserang", "menyerang", "penyerangan", "penyerang",
            "membaca", "dibaca", "bacaan", "pembaca", "pembacaan", "kebijakan", "pemerintah", "pemerintahan",
            "diperintahkan", "bermain", "permainan", "pertahanan", "bertahan", "pembangunan", "membangun", "dibangun",
            "kekuatan", "pertemuan", "bertemu", "ditemukan", "perdamaian", "berdamai", "keamanan", "mengamankan",
            "kemerdekaan", "pelabuhan", "presiden", "kota", "jakarta", "ukraina", "rusia", "peperangan", "berperang",
            "menteri", "kementerian", "mengatakan", "dikatakan", "perekonomian", "pendidikan", "ditangkap",
            "penangkapan", "tertangkap", "sebelumnya", "bukunya", "apakah", "kamilah", "bantuan", "membantu",
            "pengungsi", "mengungsi", "ledakan", "meledak", "korban", "tewas", "pasukan", "militer");

    @Inject
    EntityManager em;

    @Test
    void javaAndPostgresqlStemNewsWordsAlike() {
        Stems stems = new Stems();
        Map<String, String> java = new LinkedHashMap<>();
        Map<String, String> postgres = new LinkedHashMap<>();
        for (String word : WORDS) {
            java.put(word, stems.of(word));
            postgres.put(word, QuarkusTransaction.requiringNew().call(() -> (String) em
                    .createNativeQuery("select array_to_string(tsvector_to_array(to_tsvector('indonesian', ?1)), ' ')")
                    .setParameter(1, word).getSingleResult()));
        }
        assertThat(java).isEqualTo(postgres);
        assertThat(java).containsEntry("serangan", "serang").containsEntry("diserang", "serang")
                .containsEntry("menyerang", "serang");
    }
}
