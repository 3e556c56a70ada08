package vn.citygov.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A test against the whole application on a real HTTP port and a real PostgreSQL (the embedded one, in a
 * fresh directory), with the demo data loaded. All tests with this annotation share one application.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "citygov.db.embedded.data-directory=target/pg-test/${random.uuid}",
        "citygov.db.embedded.clean=true",
        "citygov.db.embedded.durable=false",
        "citygov.files.directory=target/files-test",
        "citygov.demo.enabled=true",
        "citygov.demo.size=small",
        "spring.mail.host=127.0.0.1",
        "spring.mail.port=" + IntegrationTest.SMTP_PORT,
        "citygov.identity.lockout.base-seconds=2",
        // Work-queue totals and badges are shared for seconds in service; tests read them right after acting.
        "citygov.dossiers.queue.counts-max-age=PT0S",
        "spring.thymeleaf.cache=true"
})
public @interface IntegrationTest {

    int SMTP_PORT = 39251;
}
