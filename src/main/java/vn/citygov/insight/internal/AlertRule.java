package vn.citygov.insight.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.citygov.directory.AgencySummary;

/**
 * When a change since last month is sudden enough to put on the operations-centre wall: an agency's score
 * falling (or rising) by at least {@code scoreChange} points, or its share of dossiers finished late rising by at
 * least {@code lateRise} percentage points. Only agencies with at least {@code minVolume} dossiers and reports
 * handled in both months are judged, so the first few dossiers of a month do not raise an alarm.
 */
@Component
public class AlertRule {

    public static final String SCORE_DROP = "score_drop";
    public static final String SCORE_RISE = "score_rise";
    public static final String LATE_SPIKE = "late_spike";
    /** At most this many alerts on the dashboard, the most serious first (the API lists them all). */
    static final int MAX = 10;

    private final double scoreChange;
    private final double lateRise;
    private final long minVolume;

    AlertRule(@Value("${citygov.insight.alerts.score-change:10}") double scoreChange,
            @Value("${citygov.insight.alerts.late-rise:15}") double lateRise,
            @Value("${citygov.insight.alerts.min-volume:10}") long minVolume) {
        this.scoreChange = scoreChange;
        this.lateRise = lateRise;
        this.minVolume = minVolume;
    }

    /** The alerts of every agency, drops and late spikes before rises, larger changes first. */
    List<IndexService.Alert> alerts(List<AgencySummary> agencies, IndicatorSet set, IndicatorSet previousSet,
            CounterCache.Totals now, CounterCache.Totals before) {
        List<IndexService.Alert> all = new ArrayList<>();
        for (AgencySummary a : agencies) {
            all.addAll(alerts(a, set, previousSet, now.agency(a.code()), before.agency(a.code())));
        }
        all.sort(Comparator.comparing((IndexService.Alert x) -> SCORE_RISE.equals(x.kind()))
                .thenComparing(x -> -Math.abs(x.change())).thenComparing(IndexService.Alert::code));
        return List.copyOf(all);
    }

    /** One agency's alerts from its totals of this month and last month. */
    List<IndexService.Alert> alerts(AgencySummary a, IndicatorSet set, IndicatorSet previousSet, Map<String, Long> now,
            Map<String, Long> before) {
        if (volume(now) < minVolume || volume(before) < minVolume) {
            return List.of();
        }
        List<IndexService.Alert> alerts = new ArrayList<>();
        Double score = ScoreCard.of(set, now).score();
        Double previous = ScoreCard.of(previousSet, before).score();
        if (score != null && previous != null) {
            double change = ScoreCard.round(score - previous);
            if (change <= -scoreChange) {
                alerts.add(new IndexService.Alert(SCORE_DROP, a.code(), a.name(), a.nameEn(), score, previous, change));
            } else if (change >= scoreChange) {
                alerts.add(new IndexService.Alert(SCORE_RISE, a.code(), a.name(), a.nameEn(), score, previous, change));
            }
        }
        Double late = late(now);
        Double lateBefore = late(before);
        if (late != null && lateBefore != null && late - lateBefore >= lateRise) {
            alerts.add(new IndexService.Alert(LATE_SPIKE, a.code(), a.name(), a.nameEn(), late, lateBefore,
                    ScoreCard.round(late - lateBefore)));
        }
        return alerts;
    }

    /** Dossiers finished and reports answered: what the month's judgement rests on. */
    private static long volume(Map<String, Long> totals) {
        return totals.getOrDefault("dossier.finished", 0L) + totals.getOrDefault("report.answered", 0L);
    }

    private Double late(Map<String, Long> totals) {
        long finished = totals.getOrDefault("dossier.finished", 0L);
        if (finished < minVolume) {
            return null;
        }
        return ScoreCard.round(100.0 * totals.getOrDefault("dossier.finished_late", 0L) / finished);
    }
}
