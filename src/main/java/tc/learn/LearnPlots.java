package tc.learn;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * PNG plots of learning curves against episodes: the loss, the training accuracy and τ, one series
 * per task (one run each). Rendering only: the bytes are returned, the caller writes them (the CLI
 * writes atomically).
 *
 * <p>The loss is the soft loss per output at each gradient step (the search has no loss of that
 * kind: its progress shows in the accuracy plot); accuracy is the
 * training-batch accuracy of each crystallised or improved discrete program; τ exists only at
 * gradient steps. The episode axis is logarithmic: runs span 10 to 10^5 episodes.
 */
public final class LearnPlots {
    static {
        // No display on a build machine: AWT must not look for one.
        System.setProperty("java.awt.headless", "true");
    }

    private LearnPlots() {}

    public static final int WIDTH = 800, HEIGHT = 500;

    /** The three plots (file name → PNG bytes) for one run per task. */
    public static Map<String, byte[]> render(Map<String, LearnResult> runs) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        out.put("learning-loss.png", png(chart("Soft loss of the gradient phases", "loss per output (robust squared error + entropy)", runs,
                LearnState.CurvePoint::loss)));
        out.put("learning-accuracy.png", png(chart("Training accuracy of the discrete program", "accuracy", runs, LearnState.CurvePoint::accuracy)));
        out.put("learning-tau.png", png(chart("Temperature τ of the gradient phases", "τ", runs, LearnState.CurvePoint::tau)));
        return out;
    }

    private static XYChart chart(String title, String yTitle, Map<String, LearnResult> runs, ToDoubleFunction<LearnState.CurvePoint> y) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("episodes").yAxisTitle(yTitle).build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setMarkerSize(4);
        boolean any = false;
        for (var e : runs.entrySet()) {
            List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
            for (LearnState.CurvePoint p : e.getValue().curve()) {
                double v = y.applyAsDouble(p);
                if (Double.isNaN(v) || p.episode() < 1) continue;
                xs.add((double) p.episode());
                ys.add(v);
            }
            if (xs.isEmpty()) continue;
            XYSeries s = chart.addSeries(e.getKey() + " (seed " + e.getValue().seed() + ")", xs, ys);
            s.setMarker(SeriesMarkers.CIRCLE);
            any = true;
        }
        if (!any) chart.addSeries("no points", List.of(1.0), List.of(0.0));
        return chart;
    }

    private static byte[] png(XYChart chart) throws IOException {
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }
}
