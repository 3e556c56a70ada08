package vn.citygov.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The 0.01° grid cells the map query reads, as the column feedback_report.cell computes them. */
class MapCellsUnitTests {

    @Test
    void aWardSizedBoxIsCoveredByItsCells() {
        var cells = FeedbackService.cells(new double[] {106.695, 10.767, 106.715, 10.7927});
        // lat 10.76..10.79 (4 rows) × lon 106.69..106.71 (3 columns)
        assertThat(cells).hasSize(12).contains(1076 * 100000 + 10669, 1079 * 100000 + 10671);
    }

    @Test
    void aCitySizedBoxUsesNoCells() {
        assertThat(FeedbackService.cells(new double[] {106.3, 10.3, 107.6, 11.2})).isEmpty();
        assertThat(FeedbackService.cells(new double[] {-180, -90, 180, 90})).isEmpty();
    }
}
