-- The figures run.sh reads from every scenario's wrk output (latency percentiles in ms, errors).
done = function(summary, latency, requests)
  for _, p in ipairs({ 50, 95, 99 }) do
    io.write(string.format("CITYGOV_P%d %.3f\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("CITYGOV_ERRORS %d\n", summary.errors.status + summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout))
end
