package vn.citygov.feedback.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The city's outline from its 168 ward and commune boundaries: who is in, who is out, and how fast. */
class CityOutlineUnitTests {

    static final CityOutline OUTLINE = CityOutline.load();

    /** code, label lat, label lon of every unit in the directory's reference data. */
    static List<String[]> labels() throws Exception {
        List<String[]> out = new ArrayList<>();
        try (var in = new BufferedReader(new InputStreamReader(
                CityOutlineUnitTests.class.getResourceAsStream("/directory/admin-units-hcmc-2025.csv"),
                StandardCharsets.UTF_8))) {
            String header = in.readLine();
            List<String> columns = List.of(header.split(","));
            int lat = columns.indexOf("label_lat");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                // Quoted fields (merged_from) hold commas; the coordinates follow them, counted from the end.
                String[] f = line.split(",");
                int fromEnd = columns.size() - lat;
                out.add(new String[] {f[0], f[f.length - fromEnd], f[f.length - fromEnd + 1]});
            }
        }
        return out;
    }

    @Test
    void everyUnitsLabelPointLiesInItsOwnOutline() throws Exception {
        List<String[]> labels = labels();
        assertThat(labels).hasSize(168);
        for (String[] l : labels) {
            assertThat(OUTLINE.unitAt(Double.parseDouble(l[1]), Double.parseDouble(l[2]))).as(l[0]).contains(l[0]);
            assertThat(OUTLINE.knows(l[0])).isTrue();
        }
    }

    @Test
    void placesInsideTheCitysBoxButOutsideItsWardsAreOutside() {
        double[] b = OUTLINE.bounds();
        // Each of these lies inside the box the units span (Côn Đảo to Dầu Tiếng), yet not in the city.
        double[][] outside = {
                {9.5, 106.9}, // the sea between Vũng Tàu and Côn Đảo
                {10.95, 106.82}, // Biên Hòa, Đồng Nai
                {10.55, 106.55}, // Bến Lức, Tây Ninh (the former Long An)
                {11.3, 106.2}, // Tây Ninh
        };
        for (double[] p : outside) {
            assertThat(p[0]).isBetween(b[1], b[3]);
            assertThat(p[1]).isBetween(b[0], b[2]);
            assertThat(OUTLINE.contains(p[0], p[1])).as(p[0] + "," + p[1]).isFalse();
        }
        assertThat(OUTLINE.contains(21.0285, 105.8542)).as("Hà Nội").isFalse();
        assertThat(OUTLINE.contains(Double.NaN, 106.7)).isFalse();
        assertThat(OUTLINE.contains(10.78, Double.POSITIVE_INFINITY)).isFalse();
        assertThat(OUTLINE.contains(95, 500)).isFalse();
    }

    @Test
    void aPointIsInTheWardWhoseOutlineHoldsIt() {
        assertThat(OUTLINE.unitAt(10.7809, 106.7042)).contains("26740"); // Phường Sài Gòn
        assertThat(OUTLINE.unitAt(10.7707, 106.6945)).contains("26743"); // Phường Bến Thành
        assertThat(OUTLINE.unitAt(10.35, 107.08)).contains("26506"); // Phường Vũng Tàu
    }

    @Test
    void aPinJustOffTheShoreCountsButOneAKilometreOutDoesNot() {
        // Due west of Phường Vũng Tàu's label point, walk out to sea until the outline ends.
        double lat = 10.356465;
        double lon = 107.075603;
        while (OUTLINE.contains(lat, lon)) {
            lon -= 0.0001;
        }
        double metresPerDegree = 111_320 * Math.cos(Math.toRadians(lat));
        // Just past the last point inside (within the tolerance), the nearest ward still takes it...
        assertThat(OUTLINE.unitAt(lat, lon + 0.00009)).isPresent();
        // ...but a kilometre further west there is only water.
        assertThat(OUTLINE.contains(lat, lon - 1000 / metresPerDegree)).isFalse();
    }

    @Test
    void placingAPointIsFast() throws Exception {
        List<String[]> labels = labels();
        int n = 0;
        long start = System.nanoTime();
        for (int round = 0; round < 30; round++) {
            for (String[] l : labels) {
                // Off the label by a little, and well outside, so both the ray casts and the near-edge search run.
                if (OUTLINE.contains(Double.parseDouble(l[1]) + 0.001, Double.parseDouble(l[2]))) {
                    n++;
                }
                OUTLINE.contains(Double.parseDouble(l[1]) + 0.7, Double.parseDouble(l[2]) - 0.9);
            }
        }
        double microsEach = (System.nanoTime() - start) / 1000.0 / (30 * labels.size() * 2);
        assertThat(n).isPositive();
        // Well under a millisecond a point even on a busy test machine.
        assertThat(microsEach).isLessThan(1000);
    }
}
