package vn.citygov.insight.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.citygov.platform.error.InvalidInputException;

/** The shipped 766 set is valid and adds up; malformed sets are refused with the field and the reason. */
class DefinitionParserUnitTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static String defaultText() {
        try (InputStream in = DefinitionParserUnitTests.class.getResourceAsStream("/" + DefinitionStore.DEFAULT)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static IndicatorSet defaultSet() {
        return DefinitionParser.parse(JSON.readTree(defaultText()));
    }

    @Test
    void the766SetHasSixGroupsOfOneHundredPointsFullyDistributed() {
        IndicatorSet set = defaultSet();
        assertThat(set.version()).isEqualTo("766-2022.1");
        assertThat(set.groups()).extracting(IndicatorSet.Group::points).containsExactly(18.0, 20.0, 12.0, 10.0, 18.0, 22.0);
        for (IndicatorSet.Group g : set.groups()) {
            double sum = set.indicators().stream().filter(i -> i.group().equals(g.code()))
                    .mapToDouble(IndicatorSet.Indicator::points).sum();
            assertThat(sum).as(g.code()).isEqualTo(g.points());
        }
        assertThat(set.indicators()).hasSize(22);
    }

    void refused(UnaryOperator<String> change, String field, String key) {
        JsonNode node = JSON.readTree(change.apply(defaultText()));
        assertThatThrownBy(() -> DefinitionParser.parse(node)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.messageKey()).isEqualTo(key);
        });
    }

    @Test
    void malformedSetsAreRefusedWithFieldAndReason() {
        refused(s -> s.replaceFirst("\"kind\": \"ratio\"", "\"kind\": \"exec\""), "indicators[0].formula.kind",
                "insight.definition.unknown-kind");
        refused(s -> s.replaceFirst("\"group\": \"publicity\"", "\"group\": \"nowhere\""), "indicators[0].group",
                "insight.definition.unknown-group");
        refused(s -> s.replace("\"points\": 20,", "\"points\": 21,"), "indicators[4].points",
                "insight.definition.group-exceeded");
        refused(s -> s.replace("\"threshold\": 0.8,", "\"threshold\": 1.5,"), "indicators[7].threshold",
                "insight.definition.threshold");
        refused(s -> s.replace("\"procedure.published_on_time\"", "\"DROP TABLE\""), "indicators[0].formula.numerator[0]",
                "insight.definition.invalid-measure");
        refused(s -> s.replace("\"2022-06-23\"", "\"23/06/2022\""), "effectiveFrom", "insight.definition.invalid-date");
        refused(s -> s.replace("{\"code\": \"weak\", \"min\": 0}", "{\"code\": \"weak\", \"min\": 10}"), "bands",
                "insight.definition.bands-order");
        refused(s -> s.replace("\"code\": \"publicity.national_db\"", "\"code\": \"publicity.published_on_time\""),
                "indicators[1].code", "insight.definition.duplicate");
        refused(s -> s.replace("\"count\": \"dossier.finished\"}}", "\"count\": \"dossier.finished\"}, \"x\": 1}")
                .replace("\"timeliness.average_hours\", \"group\": \"timeliness\", \"points\": 0",
                        "\"timeliness.average_hours\", \"group\": \"timeliness\", \"points\": 0.5"),
                "indicators[5].points", "insight.definition.group-exceeded");
        refused(s -> s.replace("\"version\": \"766-2022.1\",", ""), "version", "insight.definition.required");
        assertThatThrownBy(() -> DefinitionParser.parse(JSON.readTree("[1, 2]"))).isInstanceOf(InvalidInputException.class);
    }
}
