/**
 * Demo data: deterministic, realistic Vietnamese accounts and records for trying CityGov and for
 * benchmarks. Loaded only when {@code citygov.demo.enabled=true}; never in a real installation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data",
        allowedDependencies = {"platform", "identity", "directory"})
package vn.citygov.demo;
